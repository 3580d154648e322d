/*
 * start_sierra: the C half of boot, called by head.S on the boot stack with the
 * boot page tables. In order: console and command line, traps (so anything
 * after this that faults is reported), the memory map, the real page tables,
 * the heap, ACPI, APIC and time, then self-tests if asked, and finally the
 * idle debug-key loop - or, when tests boot with debug-exit, power off.
 */
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/bootinfo.h>
#include <asm/descriptors.h>
#include <asm/page.h>
#include <asm/paging.h>
#include <asm/pv/context.h>
#include <asm/pv/dom0-build.h>
#include <asm/pv/ioport.h>
#include <asm/pv/mm.h>
#include <asm/pv/traps.h>
#include <asm/stacks.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/keyhandler.h>
#include <hv/mm.h>
#include <hv/power.h>
#include <hv/printk.h>
#include <hv/selftest.h>
#include <hv/time.h>
#include <hv/vtime.h>
#include <sierra/pv-base.h>
#include <sierra/version.h>

extern const char _start[], _end[];

static char opt_console[16] = "com1";
static char opt_loglvl[16] = "info";
static u64 opt_mem;
extern u64 pv_stack_top;
static char opt_selftest[128];
static u64 opt_dom0_mem = 128UL << 20;
static unsigned int opt_dom0_max_vcpus = 1;

static const struct cmdline_option options[] = {
    { "console", OPT_STRING, opt_console, sizeof(opt_console) },
    { "loglvl", OPT_STRING, opt_loglvl, sizeof(opt_loglvl) },
    { "mem", OPT_SIZE, &opt_mem, 0 },
    { "debug-exit", OPT_BOOL, &opt_debug_exit, 0 },
    { "selftest", OPT_STRING, opt_selftest, sizeof(opt_selftest) },
    { "dom0_mem", OPT_SIZE, &opt_dom0_mem, 0 },
    { "dom0_max_vcpus", OPT_UINT, &opt_dom0_max_vcpus, DOMAIN_MAX_VCPUS },
};

static const char *e820_name(u32 type)
{
    static const char *const names[] = {
        [E820_RAM] = "RAM", [E820_RESERVED] = "reserved", [E820_ACPI] = "ACPI data",
        [E820_NVS] = "ACPI NVS", [E820_UNUSABLE] = "unusable",
    };

    return type < ARRAY_SIZE(names) && names[type] ? names[type] : "unknown";
}

static void apply_options(void)
{
    enum log_level level;

    if ( uart_init(opt_console) )
    {
        uart_init("com1");
        pr_warn("console=%s: unknown console, using com1\n", opt_console);
    }
    if ( log_level_parse(opt_loglvl, &level) )
        pr_warn("loglvl=%s: unknown level, using info\n", opt_loglvl);
    else
        log_set_threshold(level);
}

/* Usable RAM (respecting mem=), then minus what is already taken. */
static void setup_boot_memory(struct bootmem *bm, struct bootmem *ram, pfn_t *max_pfn)
{
    paddr_t limit = opt_mem ? opt_mem : ~0UL;

    for ( unsigned int i = 0; i < boot_info.nr_e820; i++ )
    {
        const struct e820_entry *e = &boot_info.e820[i];
        paddr_t s = ALIGN_UP(e->addr, PAGE_SIZE);
        paddr_t end = MIN(ALIGN_DOWN(e->addr + e->size, PAGE_SIZE), limit);

        pr_info("  %016lx - %016lx  %s\n", (unsigned long)e->addr,
                (unsigned long)(e->addr + e->size), e820_name(e->type));
        if ( e->type == E820_RAM && s < end )
        {
            bootmem_add(bm, s, end);
            bootmem_add(ram, s, end);
        }
    }
    *max_pfn = ram->nr ? ram->range[ram->nr - 1].end >> PAGE_SHIFT : 0;
    bootmem_reserve(bm, 0, 1UL << 20);  /* real-mode area, BIOS data, EBDA */
    bootmem_reserve(bm, virt_to_maddr(_start), virt_to_maddr(_end));
    for ( unsigned int i = 0; i < boot_info.nr_modules; i++ )
        bootmem_reserve(bm, ALIGN_DOWN(boot_info.module[i].start, PAGE_SIZE),
                        ALIGN_UP(boot_info.module[i].end, PAGE_SIZE));
}

static void print_platform(void)
{
    pr_info("ACPI: %s%s, %u CPU%s, %u I/O APIC%s, IOMMU: %s\n",
            acpi_info.found ? "OEM " : "not found", acpi_info.oem_id,
            acpi_info.nr_cpus, acpi_info.nr_cpus == 1 ? "" : "s",
            acpi_info.nr_ioapics, acpi_info.nr_ioapics == 1 ? "" : "s",
            acpi_info.have_dmar ? "Intel VT-d (DMAR)" :
            acpi_info.have_ivrs ? "AMD-Vi (IVRS)" : "none described");
    for ( unsigned int i = 0; i < acpi_info.nr_ioapics; i++ )
        pr_info("  I/O APIC %u at %#x, GSI base %u\n", acpi_info.ioapic[i].id,
                acpi_info.ioapic[i].addr, acpi_info.ioapic[i].gsi_base);
}

/* What every PV guest needs: the M2P table, the page-type environment,
 * SYSCALL, and the stack guest frames live on. */
static int pv_init(void)
{
    int rc = m2p_init(nr_frames);

    if ( rc )
        return rc;
    pv_mm_init();
    ioports_init();
    syscall_init();
    vtime_init();
    pv_context_init();
    pv_stack_top = (u64)stack_top(STACK_MAIN);
    tss_set_kernel_stack(pv_stack_top);
    return 0;
}

/* dom0 from the first module (kernel) and the second (initrd); returns only if
 * it cannot be built. */
static void start_dom0(void)
{
    u64 pages = MIN(opt_dom0_mem, (heap.free_frames << PAGE_SHIFT) - (16UL << 20)) >> PAGE_SHIFT;
    struct vcpu *v;
    u64 entry, rsp, rsi;
    int rc;

    rc = dom0_build(&boot_info.module[0], boot_info.nr_modules > 1 ? &boot_info.module[1] : NULL,
                    pages, opt_dom0_max_vcpus, &v, &entry, &rsp, &rsi);
    if ( rc )
    {
        pr_err("dom0: not started (%d)\n", rc);
        return;
    }
    vtime_start_domain(v->domain);
    vtime_start_vcpu(v);
    console_input_start();              /* what is typed is dom0's now */
    pv_start_vcpu(v, entry, rsp, rsi);
}

void __noreturn start_sierra(u32 magic, u32 info);
void __noreturn start_sierra(u32 magic, u32 info)
{
    static struct bootmem bm, ram;
    pfn_t max_pfn;
    int rc;

    uart_init("com1");
    rc = multiboot_parse(magic, info, &boot_info);
    cmdline_parse(boot_info.cmdline, options, ARRAY_SIZE(options));
    apply_options();
    descriptors_init();

    pr_info("Sierra hypervisor %s - Xen PV ABI %s (interface %#x)\n",
            SIERRA_VERSION_STRING, SIERRA_XEN_ABI_STRING, PV_INTERFACE_VERSION);
    if ( rc )
        machine_halt_fatal(rc == -EINVAL ? "not started by a Multiboot loader"
                                         : "boot information unreadable or without a memory map");
    pr_info("loader: %s%s%s, command line: '%s'\n", boot_info.loader,
            boot_info.loader_name[0] ? " / " : "", boot_info.loader_name, boot_info.cmdline);
    for ( unsigned int i = 0; i < boot_info.nr_modules; i++ )
        pr_info("module %u: %#lx-%#lx '%s'\n", i, (unsigned long)boot_info.module[i].start,
                (unsigned long)boot_info.module[i].end, boot_info.module[i].cmdline);

    pr_info("memory map (%s):\n", boot_info.loader);
    setup_boot_memory(&bm, &ram, &max_pfn);
    pr_info("RAM: %lu KiB usable%s\n", (unsigned long)(bootmem_total(&ram) >> 10),
            opt_mem ? " (limited by mem=)" : "");

    rc = paging_init(&bm, &boot_info);
    if ( rc )
        machine_halt_fatal("cannot build the hypervisor page tables");
    pr_info("paging: direct map %lu MiB, %u table pages, NX %s\n",
            (unsigned long)(paging_stats.directmap_bytes >> 20), paging_stats.table_pages,
            paging_stats.nx ? "on" : "unavailable");
    rc = heap_init(&bm, max_pfn, &ram);
    if ( rc )
        machine_halt_fatal("cannot set up the frame table and heap");
    print_memory_summary();

    acpi_init(boot_info.have_rsdp ? boot_info.rsdp : NULL);
    print_platform();
    apic_init();
    time_init();

    if ( opt_selftest[0] )
    {
        unsigned int failed = run_selftests(opt_selftest);

        pr_info("selftests: %s\n", failed ? "FAILED" : "all passed");
        if ( opt_debug_exit )
            machine_poweroff(failed ? 1 : EXIT_PASS);
    }
    rc = pv_init();
    if ( rc )
        machine_halt_fatal("cannot set up PV guest support");
    pr_info("boot complete, %lu ms after machine reset\n", (unsigned long)(NOW() / 1000000));
    if ( boot_info.nr_modules )
        start_dom0();
    if ( opt_debug_exit )
        machine_poweroff(boot_info.nr_modules ? EXIT_NO_DOM0 : EXIT_PASS);
    debug_key_loop();
}
