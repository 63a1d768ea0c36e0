#!/usr/bin/env bash
# What Janus needs from Debian, and a check that says what is missing.
#   tools/deps.sh check     list missing packages, exit 1 if any
#   tools/deps.sh install   apt-get install what is missing (as root, or with sudo)
set -u
PACKAGES="nasm qemu-system-x86 grub-pc-bin grub-common xorriso mtools gcc gcc-multilib binutils make python3 gdb librsvg2-bin"

missing_packages() {
	local missing=()
	command -v nasm >/dev/null || missing+=(nasm)
	command -v qemu-system-i386 >/dev/null || missing+=(qemu-system-x86)
	[ -d /usr/lib/grub/i386-pc ] || missing+=(grub-pc-bin)
	command -v grub-mkrescue >/dev/null || missing+=(grub-common)
	command -v xorriso >/dev/null || missing+=(xorriso)
	command -v mformat >/dev/null || missing+=(mtools)
	command -v gcc >/dev/null || missing+=(gcc)
	command -v ld >/dev/null || missing+=(binutils)
	command -v make >/dev/null || missing+=(make)
	command -v python3 >/dev/null || missing+=(python3)
	command -v gdb >/dev/null || missing+=(gdb)
	command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin) # renders the timeline SVG in make test
	if command -v gcc >/dev/null && ! echo 'int x;' | gcc -m32 -x c -c -o /dev/null - 2>/dev/null; then
		missing+=(gcc-multilib)
	fi
	echo "${missing[@]}"
}

case "${1:-check}" in
check)
	m=$(missing_packages)
	if [ -n "$m" ]; then
		echo "Missing Debian packages: $m"
		echo "Install them with: make deps   (or: apt-get install $m)"
		exit 1
	fi
	;;
install)
	m=$(missing_packages)
	[ -z "$m" ] && { echo "All packages Janus needs are installed."; exit 0; }
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends $m
	;;
list)
	echo "$PACKAGES"
	;;
*)
	echo "usage: $0 check|install|list" >&2
	exit 2
	;;
esac
