#!/usr/bin/env bash
# The console's browser tests (test/console) drive Debian's chromium through playwright-core, which never
# downloads a browser of its own. `npm test` runs this first (npm's `pretest`), so that README's test
# command passes on a fresh machine by itself: it installs Debian's chromium when it is absent and this
# user may install packages. Where it cannot be installed, it says so and the console tests fail with
# that reason rather than being skipped.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium for the console tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get):" >&2
  echo "  install Debian's 'chromium' package, or the console tests (test/console) will fail" >&2
fi
