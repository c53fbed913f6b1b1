# Puts Node 22 first on PATH in this shell: the machine's own when it is 22 or later, else one
# installed under .tools/ (git-ignored) from the npm registry's `node` package.
# Usage, from the project's folder: source scripts/use-node22.sh
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  if [ "$(node_major)" -lt 22 ]; then
    mkdir -p .tools
    # The `node` package fetches its binary in a preinstall script, which newer npm runs only when allowed.
    [ -f .tools/package.json ] || echo '{ "private": true, "allowScripts": { "node": true } }' > .tools/package.json
    npm install --prefix .tools --no-audit --no-fund node@22 </dev/null
  fi
fi
if [ "$(node_major)" -lt 22 ]; then
  echo "Node 22 is needed, found $(node --version 2>/dev/null || echo none)" >&2
  return 1 2>/dev/null || exit 1
fi
