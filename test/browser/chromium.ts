// Debian's Chromium for the browser tests, launched with the flags NOTES.md names (without the
// background-networking ones it keeps trying to reach the internet at start).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const EXECUTABLE = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Chromium, or fails with the command that installs it. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(EXECUTABLE)) throw new Error(`the browser tests need Debian's Chromium at ${EXECUTABLE}: apt-get install -y chromium fonts-liberation (.ci/run installs it)`);
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
}
