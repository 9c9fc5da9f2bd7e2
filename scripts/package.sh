#!/usr/bin/env bash
# Builds the Debian package of tfvcs from this checkout and prints its path:
#
#   scripts/package.sh deb     # -> target/debian/tfvcs_<version>_<arch>.deb
#
# Built with Debian's own tools (dpkg-dev: dpkg-shlibdeps computes Depends, dpkg-gencontrol
# writes the control file, dpkg-deb builds the archive as root:root without fakeroot) from
# packaging/debian/ (control, changelog, copyright), the release binary, and the man pages and
# completions checked in under man/ and completions/. The package's version and every file's
# date come from the top entry of packaging/debian/changelog, so the same commit builds the
# same .deb.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -ne 1 ] || [ "$1" != deb ]; then
    echo "usage: scripts/package.sh deb" >&2
    exit 2
fi
for tool in dpkg-deb dpkg-shlibdeps dpkg-gencontrol dpkg-parsechangelog strip; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "scripts/package.sh: $tool not found; install Debian's dpkg-dev and binutils" >&2
        exit 1
    fi
done

debian=packaging/debian
version=$(dpkg-parsechangelog -l "$debian/changelog" -S Version)
crate_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if [ "${version%-*}" != "$crate_version" ]; then
    echo "scripts/package.sh: $debian/changelog is at $version but Cargo.toml at $crate_version;" \
        "add a changelog entry for $crate_version (dch -v $crate_version-1)" >&2
    exit 1
fi
# Reproducible builds: the date of the newest changelog entry stands for "now".
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l "$debian/changelog" -S Timestamp)
export SOURCE_DATE_EPOCH
arch=$(dpkg --print-architecture)

echo "== cargo build --release" >&2
# Where cargo put it: CARGO_TARGET_DIR (or a cargo config's target-dir) is honoured.
bin=$(scripts/tfvcs-bin.sh --release)

out=target/debian
stage="$out/tfvcs_${version}_${arch}"
rm -rf "$stage" "$stage.deb"
umask 022
install -D -m 755 "$bin" "$stage/usr/bin/tfvcs"
# The release profile strips symbols; this drops the compiler's notes as dh_strip would.
strip --remove-section=.comment --remove-section=.note "$stage/usr/bin/tfvcs"
install -d "$stage/usr/share/man/man1"
for page in man/*.1; do
    gzip -9 -n <"$page" >"$stage/usr/share/man/man1/$(basename "$page").gz"
done
install -D -m 644 completions/tfvcs.bash "$stage/usr/share/bash-completion/completions/tfvcs"
install -D -m 644 completions/_tfvcs "$stage/usr/share/zsh/vendor-completions/_tfvcs"
install -D -m 644 completions/tfvcs.fish "$stage/usr/share/fish/vendor_completions.d/tfvcs.fish"
install -D -m 644 "$debian/copyright" "$stage/usr/share/doc/tfvcs/copyright"
gzip -9 -n <"$debian/changelog" >"$stage/usr/share/doc/tfvcs/changelog.Debian.gz"
if [ -f "$debian/lintian-overrides" ]; then
    install -D -m 644 "$debian/lintian-overrides" "$stage/usr/share/lintian/overrides/tfvcs"
fi

# dpkg-shlibdeps and dpkg-gencontrol read debian/control from the folder they run in.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/debian"
cp "$debian/control" "$debian/changelog" "$work/debian/"
root=$PWD
install -d "$stage/DEBIAN"
(
    cd "$work"
    dpkg-shlibdeps -Tdebian/substvars "$root/$stage/usr/bin/tfvcs"
    dpkg-gencontrol -ptfvcs -P"$root/$stage" -Tdebian/substvars
)
(cd "$stage" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
find "$stage" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

dpkg-deb --root-owner-group -Zxz --build "$stage" "$stage.deb" >&2
echo "$stage.deb"
