/**
 * Whose a thing is, in the portal's voice: `about` is the client's name when a proxy (a parent or guardian) holds the
 * portal, and then the page speaks of the client by name ("Theo Lindqvist's record"); else the reader's own word
 * ("my record", "Your next visit").
 */
export function whose(about: string | undefined, own: 'my' | 'My' | 'your' | 'Your'): string {
  return about ? `${about}'s` : own;
}
