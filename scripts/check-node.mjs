// Runs before every npm script that executes TypeScript. Plain JavaScript on purpose: it must
// still speak when the Node on PATH is too old to read the project's .ts files.
// npm puts node_modules/.bin first on PATH, so a normal install runs Node 24 from the "node"
// package; this check only fires where that package could not install (an unsupported platform).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `govgraph runs its TypeScript directly, which needs Node 22.18 or newer; this is Node ${process.versions.node} (${process.execPath}).\n` +
      `npm install normally provides Node 24 from the npm registry's "node" package in node_modules/.bin,\n` +
      `but it is missing here (platform ${process.platform}-${process.arch}). Run npm install again, or install Node 22.18+ yourself.`,
  );
  process.exit(1);
}
