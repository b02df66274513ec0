# make install honours PREFIX and DESTDIR and installs binaries, catalogs and
# every man page; the installed tthc finds its installed catalog.
. "$(dirname "$0")/../lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$T_TMP/dest"

run make -s -C "$root" install DESTDIR="$dest" PREFIX=/opt/tthc
status_is "make install succeeds" 0

for f in bin/tthc bin/tthcd share/man/man1/tthc.1 share/man/man5/tthcrc.5 \
	 share/man/man8/tthcd.8 share/locale/vi/LC_MESSAGES/tthc.mo; do
	if [ -f "$dest/opt/tthc/$f" ]; then ok "installs $f"; else not_ok "installs $f"; fi
done
if [ -x "$dest/opt/tthc/bin/tthc" ]; then ok "tthc is executable"; else not_ok "tthc is executable"; fi

# Outside the build tree the binary uses TTHC_LOCALEDIR (DESTDIR moved it).
run env -u TTHC_LOCALEDIR LANGUAGE=vi TTHC_LOCALEDIR="$dest/opt/tthc/share/locale" \
	"$dest/opt/tthc/bin/tthc" nosuch
like "the installed catalog speaks Vietnamese" "$err" 'không có lệnh'

done_testing
