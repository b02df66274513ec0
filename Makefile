# tthc: GNU make, pkg-config, no autotools.
#
#   make            build/tthc (the client)
#   make check      install what is missing, build, run every test
#   make bench      build and run the benchmarks in bench/
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean
#
# Sources are found by wildcard: a new core/<module>/*.c, cli/*.c,
# tui/*.c, tui/views/*.c, tui/logic/*.c, keymaps/*.keys,
# tests/unit/test_*.c, tests/support/*.c, bench/bench_*.c or bench/lib/*.c
# needs no change here.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
LOCALEDIR  ?= $(PREFIX)/share/locale
DESTDIR    ?=

CC         ?= cc
PKG_CONFIG ?= pkg-config
B          := build

# Libraries by part; pkg-config runs lazily, after install-deps.
CORE_PKGS  := libutf8proc libcjson sqlite3 libcurl libsodium
TUI_PKGS   := ncursesw
SERVER_PKGS:= libmicrohttpd gnutls sqlite3 libsodium zlib
TEST_PKGS  := cmocka
pkg_cflags = $(shell $(PKG_CONFIG) --cflags $(1))
pkg_libs   = $(shell $(PKG_CONFIG) --libs $(1))

WARN       := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEFS       := -D_GNU_SOURCE -DTTHC_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"'
BASEFLAGS  := -std=c11 $(WARN) $(DEFS) -Icore -Itui -I$(B)/gen
OPTFLAGS   := -O2 -g
SANFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	      -fno-sanitize-recover=all -DTTHC_FAULTS
CFLAGS     ?=
LDFLAGS    ?=

CORE_SRC   := $(sort $(wildcard core/*/*.c))
CLI_SRC    := $(sort $(wildcard cli/*.c))
# The TUI: tui/logic/ is its screen-free part (libtthctui, which the unit
# tests link too) with the key tables generated from keymaps/*.keys; tui/
# and tui/views/ draw with curses and go into tthc only.
TUI_SRC    := $(sort $(wildcard tui/*.c tui/views/*.c))
KEYSETS    := $(basename $(notdir $(wildcard keymaps/*.keys)))
TLOG_SRC   := $(sort $(wildcard tui/logic/*.c)) $(KEYSETS:%=$(B)/gen/keymap_%.c)
# server/main.c is tthcd's entry point; the rest is libtthcd, which the unit
# tests link too.
SRV_MAIN   := server/main.c
SRV_SRC    := $(filter-out $(SRV_MAIN),$(sort $(wildcard server/*.c)))
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
SUPPORT_SRC:= $(sort $(wildcard tests/support/*.c))
BENCH_SRC  := $(sort $(wildcard bench/bench_*.c))
BLIB_SRC   := $(sort $(wildcard bench/lib/*.c))
PO_SRC     := $(sort $(wildcard po/vi/*.po))
MAN_PAGES  := $(wildcard man/*.[0-9])

CORE_LIBS   = $(call pkg_libs,$(CORE_PKGS))
TUI_LIBS    = $(call pkg_libs,$(TUI_PKGS))
CORE_CFLAGS = $(call pkg_cflags,$(CORE_PKGS) $(SERVER_PKGS))
SRV_LIBS    = $(call pkg_libs,$(SERVER_PKGS)) -lpthread

# Normal build --------------------------------------------------------------
OBJ        := $(B)/obj
CORE_OBJ   := $(CORE_SRC:%.c=$(OBJ)/%.o)
CLI_OBJ    := $(CLI_SRC:%.c=$(OBJ)/%.o) $(TUI_SRC:%.c=$(OBJ)/%.o)
TLOG_OBJ   := $(TLOG_SRC:%.c=$(OBJ)/%.o)
SRV_OBJ    := $(SRV_SRC:%.c=$(OBJ)/%.o)

# Sanitizer build, used by every test -------------------------------------
SOBJ       := $(B)/asan/obj
SCORE_OBJ  := $(CORE_SRC:%.c=$(SOBJ)/%.o)
SCLI_OBJ   := $(CLI_SRC:%.c=$(SOBJ)/%.o) $(TUI_SRC:%.c=$(SOBJ)/%.o)
STLOG_OBJ  := $(TLOG_SRC:%.c=$(SOBJ)/%.o)
SSRV_OBJ   := $(SRV_SRC:%.c=$(SOBJ)/%.o)
SSUP_OBJ   := $(SUPPORT_SRC:%.c=$(SOBJ)/%.o)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(B)/asan/tests/%)

BENCH_BIN  := $(BENCH_SRC:bench/%.c=$(B)/bench/%)
BLIB_OBJ   := $(BLIB_SRC:%.c=$(OBJ)/%.o)
MO         := $(B)/locale/vi/LC_MESSAGES/tthc.mo

# Quiet by default; `make V=1` shows the commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

.SECONDARY:
.PHONY: all check test-build bench install clean deps demo
.DEFAULT_GOAL := all

TTHCD      := $(if $(wildcard $(SRV_MAIN)),$(B)/tthcd)
STTHCD     := $(if $(wildcard $(SRV_MAIN)),$(B)/asan/tthcd)

all: $(B)/tthc $(TTHCD) $(MO)

deps:
	@./scripts/install-deps.sh

$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(BASEFLAGS) $(OPTFLAGS) $(CORE_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(SOBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(BASEFLAGS) $(SANFLAGS) $(CORE_CFLAGS) $(call pkg_cflags,$(TEST_PKGS)) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/gen/keymap_%.c: keymaps/%.keys scripts/gen-keymap.sh
	@mkdir -p $(@D)
	$(Q)./scripts/gen-keymap.sh $* $< >$@.tmp && mv $@.tmp $@

$(B)/libtthctui.a: $(TLOG_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/asan/libtthctui.a: $(STLOG_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/libtthc.a: $(CORE_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/asan/libtthc.a: $(SCORE_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	$(Q)ar rcs $@ $^

# An archive with no members is valid for the linker; ar needs one to exist.
$(B)/libtthcd.a: $(SRV_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/asan/libtthcd.a: $(SSRV_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(B)/tthcd: $(OBJ)/$(SRV_MAIN:.c=.o) $(B)/libtthcd.a $(B)/libtthc.a
	$(call say,LD,$@)
	$(Q)$(CC) $(OPTFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(SRV_LIBS)

$(B)/asan/tthcd: $(SOBJ)/$(SRV_MAIN:.c=.o) $(B)/asan/libtthcd.a $(B)/asan/libtthc.a
	$(call say,LD,$@)
	$(Q)$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(SRV_LIBS)

$(B)/tthc: $(CLI_OBJ) $(B)/libtthctui.a $(B)/libtthc.a
	$(call say,LD,$@)
	$(Q)$(CC) $(OPTFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(TUI_LIBS)

$(B)/asan/tthc: $(SCLI_OBJ) $(B)/asan/libtthctui.a $(B)/asan/libtthc.a
	$(call say,LD,$@)
	$(Q)$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS) $(TUI_LIBS)

# tests/tui/*.sh fill a store file with this program (test-only).
$(B)/asan/tui-fixture: $(SOBJ)/tests/tui/fixture.o $(B)/asan/libtthc.a
	$(call say,LD,$@)
	$(Q)$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(B)/asan/tests/%: $(SOBJ)/tests/unit/%.o $(SSUP_OBJ) $(B)/asan/libtthcd.a \
		$(B)/asan/libtthctui.a $(B)/asan/libtthc.a
	@mkdir -p $(@D)
	$(call say,LD,$@)
	$(Q)$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $< $(SSUP_OBJ) $(B)/asan/libtthcd.a \
		$(B)/asan/libtthctui.a $(B)/asan/libtthc.a $(CORE_LIBS) $(SRV_LIBS) \
		$(call pkg_libs,$(TEST_PKGS))

$(B)/bench/%: $(OBJ)/bench/%.o $(BLIB_OBJ) $(B)/libtthcd.a $(B)/libtthc.a
	@mkdir -p $(@D)
	$(call say,LD,$@)
	$(Q)$(CC) $(OPTFLAGS) $(LDFLAGS) -o $@ $< $(BLIB_OBJ) $(B)/libtthcd.a $(B)/libtthc.a \
		$(CORE_LIBS) $(SRV_LIBS)

# Catalogs: one .po per module under po/vi, merged at build time so that
# modules do not fight over one file.
$(MO): $(PO_SRC)
	@mkdir -p $(@D)
	$(Q)msgcat --use-first -o $(B)/vi.po $(PO_SRC)
	$(Q)msgfmt --check -o $@ $(B)/vi.po

# The benchmarks are built (not run) too, so that none rots unnoticed.
test-build: $(B)/tthc $(B)/asan/tthc $(B)/asan/tui-fixture $(TTHCD) $(STTHCD) $(UNIT_BIN) $(MO) $(BENCH_BIN)

# make check: dependencies first (in a separate make so that pkg-config
# sees them), then the build, then every test.
check:
	@./scripts/install-deps.sh
	@$(MAKE) --no-print-directory -j$$(nproc) test-build
	@./scripts/run-tests.sh

# make demo: a seeded tthcd on loopback and the TUI on it (scripts/demo.sh).
demo:
	@./scripts/demo.sh

bench:
	@./scripts/install-deps.sh
	@$(MAKE) --no-print-directory $(B)/tthc $(BENCH_BIN)
	@./scripts/run-bench.sh $(BENCH_BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 755 $(B)/tthc $(TTHCD) $(DESTDIR)$(BINDIR)/
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/tthc.mo
	for m in $(MAN_PAGES); do \
		s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; \
	done

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)
