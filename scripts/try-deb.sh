#!/usr/bin/env bash
# Installs the .deb on a fresh Debian 12 and runs it there (issue "days
# unattended": "apt install ./twin-tour_...deb on a fresh Debian 12 installs
# and starts it"). As root, with network access to a Debian mirror:
#
#   sudo bash scripts/try-deb.sh [twin-tour_VERSION_amd64.deb] [OUT_DIR]
#
# It makes a minimal Debian 12 with debootstrap (--variant=minbase: less than
# a desktop install, so every dependency the package forgets shows) in
# /var/tmp/twin-tour-try-deb (TWIN_TRY_DEB_ROOT), and inside it, as an
# ordinary user where it can:
#   1. apt install ./twin-tour_VERSION_amd64.deb (Recommends too, as apt does);
#   2. twin-tour --version, twin-tour --check (the installed scene and data);
#   3. a headless screenshot (EGL, Mesa llvmpipe) in French and in English;
#   4. the window: twin-tour --run-for under an Xvfb started in the chroot;
#   5. the kiosk unit: systemd installed, its user created, systemd-analyze verify;
#   6. that the app wrote nothing outside the user's state and cache folders.
# The logs and screenshots go to OUT_DIR (default /var/tmp/twin-tour-try-deb.out).
# About 5 minutes and 300 MB of downloads; not in CI (network, root). The
# chroot is made again on every run, and removed at the end (TWIN_TRY_DEB_KEEP=1
# keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t twin-tour_*_amd64.deb 2>/dev/null | head -n 1)}
out=${2:-/var/tmp/twin-tour-try-deb.out}
root=${TWIN_TRY_DEB_ROOT:-/var/tmp/twin-tour-try-deb}
mirror=${TWIN_TRY_DEB_MIRROR:-http://deb.debian.org/debian}
[[ -f $deb ]] || { echo "try-deb.sh: no package (bash scripts/package.sh makes one)" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "try-deb.sh: run it as root (debootstrap, chroot)" >&2; exit 2; }
bash scripts/deps.sh --try-deb

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  [[ ${TWIN_TRY_DEB_KEEP:-0} == 1 ]] || rm -rf "$root"
}
trap cleanup EXIT
step() { echo; echo "== $*"; }
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
as_user() {  # as the ordinary user "visitor", with its own state and cache folders
  in_root runuser -u visitor -- env HOME=/home/visitor XDG_STATE_HOME=/home/visitor/.local/state \
    XDG_CACHE_HOME=/home/visitor/.cache "$@"
}

rm -rf "$root" "$out"
mkdir -p "$out"
exec > >(tee "$out/transcript.txt") 2>&1
step "a fresh Debian 12 (debootstrap --variant=minbase bookworm) in $root"
start=$SECONDS
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$out/debootstrap.log" 2>&1 ||
  { tail -n 20 "$out/debootstrap.log"; exit 1; }
echo "debootstrap: $((SECONDS - start)) s, $(du -sm "$root" | cut -f1) MiB"
# As a Debian 12 install: the point releases and security updates too (the
# package's versioned dependencies come from the build machine, which has them).
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc sys dev dev/pts; do
  case $fs in
    proc) mount -t proc proc "$root/proc" ;;
    sys) mount -t sysfs sysfs "$root/sys" ;;
    *) mount --bind "/$fs" "$root/$fs" ;;
  esac
  mounted+=("$root/$fs")
done
in_root useradd --create-home --shell /bin/bash visitor

step "apt install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
in_root apt-get update -q >"$out/apt-update.log" 2>&1 || { cat "$out/apt-update.log"; exit 1; }
before=$(du -sm --exclude=proc --exclude=sys --exclude=dev "$root" | cut -f1)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "/tmp/$(basename "$deb")" >"$out/apt-install.log" 2>&1 ||
  { tail -n 40 "$out/apt-install.log"; echo "FAIL: apt install"; exit 1; }
grep -E '^(Need to get|After this operation)|newly installed' "$out/apt-install.log"
awk '/^The following NEW packages will be installed:/ {on = 1; next} on && /^  / {print; next} on {exit}' \
  "$out/apt-install.log" >"$out/new-packages.txt"
echo "$(wc -w <"$out/new-packages.txt") packages installed; the chroot grew from $before to" \
     "$(du -sm --exclude=proc --exclude=sys --exclude=dev "$root" | cut -f1) MiB (with apt's downloaded archives)"
in_root dpkg -s twin-tour | grep -E '^(Version|Installed-Size|Depends|Recommends):'

status=0
check() {  # check NAME COMMAND...: runs it, says whether it passed
  local name=$1 rc=0
  shift
  "$@" || rc=$?
  if ((rc == 0)); then echo "ok: $name"; else echo "FAIL: $name (exit status $rc)"; status=1; fi
}
# written_elsewhere SINCE: the files changed since that marker outside the
# user's state and cache folders and /tmp (Xvfb's compiled keymaps excluded).
written_elsewhere() {
  find "$root" -xdev -newer "$1" -type f ! -path "$root/home/visitor/.local/state/*" \
    ! -path "$root/home/visitor/.cache/*" ! -path "$root/tmp/*" ! -path "$root/var/lib/xkb/*"
}
step "the installed app"
touch "$root/tmp/before-run"
check "twin-tour --version" as_user twin-tour --version
check "twin-tour --check (its installed scene)" as_user twin-tour --check
check "headless screenshot, French" as_user twin-tour --size 1280x720 --screenshot /tmp/shot-fr.png
check "headless screenshot, English, a tour stop" \
  as_user twin-tour --lang en --size 1280x720 --tour discovery --tour-time 30 --screenshot /tmp/shot-en.png
cp "$root"/tmp/shot-*.png "$out/" 2>/dev/null || true
written_elsewhere "$root/tmp/before-run" >"$out/written-elsewhere.txt"

step "the window, under an Xvfb in the chroot"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q xvfb xauth >"$out/apt-xvfb.log" 2>&1 ||
  { tail -n 20 "$out/apt-xvfb.log"; exit 1; }
touch "$root/tmp/before-window"
check "twin-tour --run-for 5 in a window" as_user xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  twin-tour --size 1280x720 --run-for 5
written_elsewhere "$root/tmp/before-window" >>"$out/written-elsewhere.txt"
if [[ -s $out/written-elsewhere.txt ]]; then
  echo "FAIL: the app wrote outside its state and cache folders:"; cat "$out/written-elsewhere.txt"; status=1
else
  echo "ok: the app wrote only in its state and cache folders (files per folder):"
  (cd "$root/home/visitor" && find .local/state .cache -type f |
    sed -E 's#^(\.cache/[^/]+|\.local/state/[^/]+)/.*#\1#' | sort | uniq -c)
fi

step "the kiosk unit"
# systemd (and man, for the unit's Documentation=) as on a standard install;
# the package installed again, as it would be there: its postinst creates the
# kiosk's user with systemd-sysusers, absent from the minimal system.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd man-db >"$out/apt-systemd.log" 2>&1 ||
  { tail -n 20 "$out/apt-systemd.log"; exit 1; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "/tmp/$(basename "$deb")" \
  >"$out/apt-reinstall.log" 2>&1 || { tail -n 20 "$out/apt-reinstall.log"; exit 1; }
grep '^ExecStart=' "$root/usr/lib/systemd/system/twin-tour-kiosk.service"
check "systemd-analyze verify twin-tour-kiosk.service" \
  in_root systemd-analyze verify /usr/lib/systemd/system/twin-tour-kiosk.service
check "the kiosk's user twin-kiosk exists" in_root getent passwd twin-kiosk

echo
if ((status == 0)); then echo "try-deb: PASS (logs and screenshots in $out)"; else echo "try-deb: FAIL (logs in $out)"; fi
exit $status
