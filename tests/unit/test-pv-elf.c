/*
 * PV kernel image parsing (hypervisor/common/pv-elf.c): Xen notes and their
 * defaults, the legacy __xen_guest section, loading with bss zeroed, and
 * refusal of truncated, foreign or inconsistent images.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <hv/pv-elf.h>
#include <sierra/elfnote.h>
#include <sierra/xenver.h>

#define BASE    0xffffffff80000000UL

static uint8_t img[16384];
static size_t img_len;

/* ELF header, 2 program headers (LOAD at file offset 0x1000 with p_paddr ==
 * p_vaddr, as PADDR_OFFSET == VIRT_BASE says), notes, payload */
struct note_hdr { uint32_t namesz, descsz, type; char name[4]; };

static size_t put_note(size_t at, uint32_t type, const void *desc, uint32_t len)
{
    struct note_hdr h = { 4, len, type, "Xen" };

    memcpy(img + at, &h, sizeof(h));
    memcpy(img + at + sizeof(h), desc, len);
    return at + sizeof(h) + ((len + 3) & ~3u);
}

static void put16(size_t at, uint16_t v) { memcpy(img + at, &v, 2); }
static void put32(size_t at, uint32_t v) { memcpy(img + at, &v, 4); }
static void put64(size_t at, uint64_t v) { memcpy(img + at, &v, 8); }

static void build(bool with_notes, uint64_t paddr, uint64_t filesz, uint64_t memsz)
{
    size_t notes = 0x200, end = notes;
    uint64_t v;

    memset(img, 0, sizeof(img));
    memcpy(img, "\177ELF\2\1\1", 7);
    put16(16, 2);               /* ET_EXEC */
    put16(18, 62);              /* EM_X86_64 */
    put32(20, 1);
    put64(24, BASE + 0x1010);   /* e_entry */
    put64(32, 64);              /* phoff */
    put16(54, 56);              /* phentsize */
    put16(56, 2);               /* phnum */
    if ( with_notes )
    {
        v = BASE;
        end = put_note(end, PV_ELFNOTE_VIRT_BASE, &v, 8);
        v = BASE;
        end = put_note(end, PV_ELFNOTE_PADDR_OFFSET, &v, 8);
        v = BASE + 0x2000;
        end = put_note(end, PV_ELFNOTE_HYPERCALL_PAGE, &v, 8);
        end = put_note(end, PV_ELFNOTE_GUEST_OS, "sierra-test", 12);
        end = put_note(end, PV_ELFNOTE_XEN_VERSION, "xen-3.0", 8);
        end = put_note(end, PV_ELFNOTE_LOADER, "generic", 8);
        end = put_note(end, PV_ELFNOTE_FEATURES, "!writable_page_tables|pae_pgdir_above_4gb", 42);
    }
    /* PT_LOAD */
    put32(64, 1); put64(64 + 8, 0x1000); put64(64 + 16, BASE + paddr); put64(64 + 24, BASE + paddr);
    put64(64 + 32, filesz); put64(64 + 40, memsz);
    /* PT_NOTE */
    put32(120, 4); put64(120 + 8, notes); put64(120 + 32, end - notes);
    memset(img + 0x1000, 0x5a, filesz);
    img_len = 0x1000 + filesz;
}

static void test_notes(void **state)
{
    struct pv_elf_info info;

    (void)state;
    build(true, 0, 0x3000, 0x5000);
    assert_int_equal(pv_elf_parse(img, img_len, &info), 0);
    assert_int_equal(info.virt_base, BASE);
    assert_int_equal(info.virt_kstart, BASE);
    assert_int_equal(info.virt_kend, BASE + 0x5000);
    assert_int_equal(info.virt_entry, BASE + 0x1010);          /* e_entry: no ENTRY note */
    assert_true(info.has_hypercall_page);
    assert_int_equal(info.virt_hypercall, BASE + 0x2000);
    assert_string_equal(info.guest_os, "sierra-test");
    assert_string_equal(info.xen_version, "xen-3.0");
    assert_string_equal(info.loader, "generic");
    assert_int_equal(info.f_required, 1u << PV_XENFEAT_writable_page_tables);
    assert_int_equal(info.f_supported, (1u << PV_XENFEAT_writable_page_tables) |
                                       (1u << PV_XENFEAT_pae_pgdir_above_4gb));
    assert_false(info.legacy_section);
}

static uint8_t guest[0x5000];
static void *dst(void *ctx, uint64_t va)
{
    (void)ctx;
    return va >= BASE && va < BASE + sizeof(guest) ? guest + (va - BASE) : NULL;
}

static void test_load_zeroes_bss(void **state)
{
    struct pv_elf_info info;

    (void)state;
    build(true, 0, 0x3000, 0x5000);
    memset(guest, 0xee, sizeof(guest));
    assert_int_equal(pv_elf_parse(img, img_len, &info), 0);
    assert_int_equal(pv_elf_load(img, img_len, &info, dst, NULL), 0);
    assert_int_equal(guest[0], 0x5a);
    assert_int_equal(guest[0x2fff], 0x5a);
    assert_int_equal(guest[0x3000], 0);
    assert_int_equal(guest[0x4fff], 0);
}

static void test_legacy_section(void **state)
{
    static const char text[] = "GUEST_OS=linux,XEN_VER=xen-3.0,VIRT_BASE=0xffffffff80000000,"
                               "ELF_PADDR_OFFSET=0xffffffff80000000,LOADER=generic";
    static const char names[] = "\0__xen_guest\0.shstrtab";
    struct pv_elf_info info;

    (void)state;
    build(false, 0, 0x3000, 0x3000);
    put64(120 + 32, 0);                         /* empty PT_NOTE */
    memcpy(img + 0x300, text, sizeof(text));
    memcpy(img + 0x400, names, sizeof(names));
    put64(40, 0x500);                           /* shoff */
    put16(58, 64); put16(60, 3); put16(62, 2);  /* shentsize, shnum, shstrndx */
    put32(0x500 + 64, 1);                       /* [1] __xen_guest */
    put64(0x500 + 64 + 24, 0x300); put64(0x500 + 64 + 32, sizeof(text));
    put32(0x500 + 128, 13);                     /* [2] .shstrtab */
    put64(0x500 + 128 + 24, 0x400); put64(0x500 + 128 + 32, sizeof(names));
    assert_int_equal(pv_elf_parse(img, img_len, &info), 0);
    assert_true(info.legacy_section);
    assert_string_equal(info.guest_os, "linux");
    assert_int_equal(info.virt_base, BASE);
    assert_int_equal(info.virt_kstart, BASE);
}

static void test_refusals(void **state)
{
    struct pv_elf_info info;

    (void)state;
    build(true, 0, 0x3000, 0x5000);
    assert_int_equal(pv_elf_parse(img, 40, &info), -ENOEXEC);              /* truncated */
    assert_int_equal(pv_elf_parse(img, 0x1800, &info), -ENOEXEC);          /* segment cut */
    img[4] = 1;                                                             /* ELF32 */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -ENOEXEC);
    build(true, 0, 0x3000, 0x5000);
    put16(18, 3);                                                           /* EM_386 */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -ENOEXEC);
    build(false, 0, 0x3000, 0x5000);                                        /* no Xen notes */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -ENOEXEC);
    build(true, 0, 0x3000, 0x2000);                                         /* filesz > memsz */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -ENOEXEC);
    build(true, 0, 0x1000, 0x1000);                     /* hypercall page outside the image */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -EINVAL);
    build(true, 0, 0x3000, 0x5000);
    put64(24, BASE + 0x9000);                                               /* entry outside */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -EINVAL);
    build(true, 0, 0x3000, 0x5000);
    put32(0x200, 0xfffffff0);                           /* note name size runs off the end */
    assert_int_equal(pv_elf_parse(img, img_len, &info), -ENOEXEC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_notes),
        cmocka_unit_test(test_load_zeroes_bss),
        cmocka_unit_test(test_legacy_section),
        cmocka_unit_test(test_refusals),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("pv-elf", tests, NULL, NULL);
}
