// Makes sure the browser tests have a Chromium before vitest starts, so a fresh
// machine or CI runs them instead of failing half-way. Playwright's own browser
// download is not used: it cannot reach its CDN from every network this runs on.
//
//   CHROMIUM_PATH set      -> that file must exist (nothing is installed)
//   /usr/bin/chromium      -> nothing to do
//   Debian/Ubuntu as root  -> apt-get update && apt-get install -y chromium (progress shown)
//   anything else          -> exit 1 with how to install it
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const defaultPath = '/usr/bin/chromium';

function fail(message) {
  console.error(`\n[ensure-chromium] ${message}\n`);
  process.exit(1);
}

function howToInstall() {
  return [
    'The browser tests (tests/e2e) need Chromium. Install it, then run the tests again:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '                  (on Ubuntu the package may be chromium-browser)',
    '  Fedora:         sudo dnf install chromium',
    '  macOS:          brew install --cask chromium   (or use an installed Google Chrome)',
    'Elsewhere, or for another binary, point CHROMIUM_PATH at it, e.g.',
    '  CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
  ].join('\n');
}

/** Runs a command with its output shown, never waiting for input. */
function run(command, args) {
  console.log(`[ensure-chromium] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`${command} could not start: ${result.error.message}\n\n${howToInstall()}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed with exit code ${result.status}.\n\n${howToInstall()}`);
}

const override = process.env.CHROMIUM_PATH;
if (override) {
  if (!existsSync(override)) fail(`CHROMIUM_PATH is set to ${override}, but there is no file there.\n\n${howToInstall()}`);
  process.exit(0);
}
if (existsSync(defaultPath)) process.exit(0);

const isDebian = process.platform === 'linux' && existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot) {
  const why = !isDebian ? 'this is not a Debian-based system' : 'installing needs root, and this is not running as root';
  fail(`No Chromium at ${defaultPath} and CHROMIUM_PATH is not set; not installing it because ${why}.\n\n${howToInstall()}`);
}

console.log(`[ensure-chromium] No Chromium at ${defaultPath}: installing it with apt-get (a few minutes, once).`);
// Progress stays visible: apt prints one line per package even without a terminal.
run('apt-get', ['update']);
run('apt-get', ['install', '-y', 'chromium']);
if (!existsSync(defaultPath)) fail(`apt-get finished, but ${defaultPath} is still missing.\n\n${howToInstall()}`);
console.log(`[ensure-chromium] Installed ${defaultPath}.`);
