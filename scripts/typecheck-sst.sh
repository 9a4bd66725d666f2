#!/usr/bin/env bash
# Typechecks sst.config.ts and infra/ against SST 4.17.1's real platform types (not part of `npm test`).
#
# `npx tsc -p .` checks the app against infra/sst-globals.d.ts, a minimal hand-written stand-in, because
# SST's `$config`/`sst.aws.*` types exist only after `sst install` extracts the platform from the sst
# binary. This script does that in a scratch directory, so the repository gets neither the ~75 MB sst
# binary nor the ~300 MB `.sst/platform/node_modules`:
#   1. copy sst.config.ts and infra/ (minus sst-globals.d.ts, which the real types replace)
#   2. npm i --no-save sst@4.17.1 typescript@5.9.3                          (~10 s, ~80 MB)
#   3. SST_SKIP_DEPENDENCY_CHECK=true NO_BUN=1 SST_TELEMETRY_DISABLED=1 XDG_CONFIG_HOME=<scratch>/.xdg \
#        npx sst install --stage typecheck                                  (~1 min, ~300 MB; npm only)
#      (the skip flag stops the CLI from downloading pulumi and bun from GitHub; NO_BUN makes it install
#      the providers with npm; XDG_CONFIG_HOME keeps its cache out of ~/.config)
#   4. tsc with `files: [.sst/platform/config.d.ts, sst.config.ts]`, moduleResolution Bundler,
#      skipLibCheck (config.d.ts imports `../types.generated`, which only deploy/dev write)
# Needs the npm registry; no AWS credentials. The scratch directory is kept and reused (steps 2 and 3 are
# skipped when already done); set SST_TYPECHECK_DIR to choose it, or delete it to start over.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${SST_TYPECHECK_DIR:-${TMPDIR:-/tmp}/iamspec-sst-typecheck}"
SST_VERSION=4.17.1
TS_VERSION=5.9.3

mkdir -p "$WORK"
cp "$ROOT/sst.config.ts" "$WORK/sst.config.ts"
rm -rf "$WORK/infra"
cp -R "$ROOT/infra" "$WORK/infra"
rm -f "$WORK/infra/sst-globals.d.ts"
cd "$WORK"
[ -f package.json ] || printf '{ "name": "iamspec-sst-typecheck", "private": true, "type": "module" }\n' > package.json

if [ ! -x node_modules/.bin/sst ] || [ ! -x node_modules/.bin/tsc ]; then
  echo "installing sst@$SST_VERSION and typescript@$TS_VERSION in $WORK"
  npm i --no-save --no-audit --no-fund "sst@$SST_VERSION" "typescript@$TS_VERSION"
fi

export SST_SKIP_DEPENDENCY_CHECK=true NO_BUN=1 SST_TELEMETRY_DISABLED=1 XDG_CONFIG_HOME="$WORK/.xdg"
export AWS_EC2_METADATA_DISABLED=true
if [ ! -f .sst/platform/config.d.ts ]; then
  echo "extracting SST's platform and installing its providers (about a minute)"
  npx sst install --stage typecheck
fi

cat > tsconfig.sst.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "allowImportingTsExtensions": true,
    "types": []
  },
  "files": [".sst/platform/config.d.ts", "sst.config.ts"]
}
JSON

echo "typechecking sst.config.ts and infra/ against SST $SST_VERSION's platform types"
npx tsc -p tsconfig.sst.json
echo "sst types ok"
