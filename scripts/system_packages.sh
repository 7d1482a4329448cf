#!/bin/sh
# Install the Debian packages named on the command line that are not installed yet.
#
#   scripts/system_packages.sh PACKAGE...
#
# make test calls it for what the tests need beyond Python packages (Chromium and a CJK font
# for tests/test_browser.py). A package already installed is left alone, and when all are,
# nothing is run. Missing ones are installed with apt-get: directly as root, through sudo
# when it is on the PATH, else the script says what to install and exits 1.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE... (Debian packages to install when missing)" >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "This machine has no dpkg (it is not Debian or a derivative), so the packages the" \
        "tests need cannot be checked or installed here: install the equivalents of" \
        "'$*' with this system's package manager, then run the command again." >&2
    exit 1
fi

missing=
for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case $status in
        *" ok installed") ;;
        *) missing="$missing $package" ;;
    esac
done
missing=${missing# }
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=
elif command -v sudo >/dev/null 2>&1; then
    as_root=sudo
else
    echo "The tests need these Debian packages, which are not installed: $missing." \
        "Installing them takes root, and this user is not root and has no sudo. Ask an" \
        "administrator to run 'apt-get install $missing' (or run it yourself as root)," \
        "then run the command again." >&2
    exit 1
fi

echo "Installing Debian packages: $missing"
# $as_root is empty or one word; $missing is a list of package names.
# shellcheck disable=SC2086
if ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
    ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; then
    echo "apt-get could not install $missing (see its message above): install them by hand," \
        "then run the command again." >&2
    exit 1
fi
