export async function seedDemoDataIfEmpty(..._args: unknown[]): Promise<void> {}
