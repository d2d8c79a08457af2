import { execFileSync } from 'node:child_process';

/** The journeys run against the real built client, served by the real server. */
export default function setup(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
