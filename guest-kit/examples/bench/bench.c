/*
 * bench: the cost of the PV operations a kernel uses most, measured with
 * rdtsc around N repetitions and reported as the median of 9 runs, in TSC
 * cycles per operation. Under QEMU with -icount shift=0 the TSC counts guest
 * instructions, so the figures are deterministic and comparable between Xen
 * and Sierra (make bench runs both). One line per figure:
 *   bench: NAME: CYCLES
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <hv/lib.h>

#define RUNS 9
#define REPS 200

static void report(const char *name, unsigned long (*one_run)(void))
{
    unsigned long t[RUNS];

    for ( int i = 0; i < RUNS; i++ )
        t[i] = one_run();
    printf("bench: %s: %lu\n", name, kit_median(t, RUNS));
}

static unsigned long null_hypercall(void)
{
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
        hyp_xen_version(PV_XENVER_version, 0);
    return (kit_rdtsc() - t0) / REPS;
}

/* a pinned L1 of our own, its 512 entries rewritten in one mmu_update batch */
static unsigned long *l1;
static unsigned long l1_mfn, data_mfn;
static struct pv_mmu_update batch[512];

static void setup_l1(void)
{
    struct pv_mmuext_op pin = { .cmd = PV_MMUEXT_PIN_L1_TABLE };

    l1 = kit_spare_page(0);
    l1_mfn = pfn_to_mfn(virt_to_pfn(l1));
    data_mfn = pfn_to_mfn(virt_to_pfn(kit_spare_page(1)));
    memset(l1, 0, 4096);
    hyp_update_va_mapping((unsigned long)l1, (l1_mfn << 12) | 0x25, PV_UVMF_INVLPG);
    pin.arg1.mfn = l1_mfn;
    if ( hyp_mmuext_op(&pin, 1, 0, PV_DOMID_SELF) )
        printf("bench: cannot pin an L1\n");
}

static unsigned long mmu_batch(void)
{
    static unsigned long flip;
    unsigned long t0;

    flip ^= 0x20;           /* alternate the accessed bit so every entry changes */
    for ( int i = 0; i < 512; i++ )
        batch[i] = (struct pv_mmu_update){ (l1_mfn << 12) + i * 8, (data_mfn << 12) | 1 | flip };
    t0 = kit_rdtsc();
    hyp_mmu_update(batch, 512, 0, PV_DOMID_SELF);
    return kit_rdtsc() - t0;
}

static unsigned long va_mapping_invlpg(void)
{
    unsigned long va = (unsigned long)kit_spare_page(2), mfn = pfn_to_mfn(virt_to_pfn(kit_spare_page(2)));
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
        hyp_update_va_mapping(va, (mfn << 12) | 0x67 | ((i & 1) << 9), PV_UVMF_INVLPG);
    return (kit_rdtsc() - t0) / REPS;
}

static unsigned long tlb_flush(void)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_TLB_FLUSH_LOCAL };
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
        hyp_mmuext_op(&op, 1, 0, PV_DOMID_SELF);
    return (kit_rdtsc() - t0) / REPS;
}

static struct pv_shared_info *si;
static unsigned int loop_port;
static volatile unsigned long events_seen;

/* ud2: step over it; the event upcall: acknowledge the loopback port */
static void on_trap(struct kit_trap_frame *f)
{
    if ( f->vector != KIT_EVENT_VECTOR )
    {
        f->rip += 2;
        return;
    }
    si->vcpu_info[0].evtchn_upcall_pending = 0;
    si->vcpu_info[0].evtchn_pending_sel = 0;
    si->evtchn_pending[0] = 0;
    events_seen++;
}

static void setup_events(void)
{
    struct pv_evtchn_alloc_unbound au = { .dom = PV_DOMID_SELF, .remote_dom = PV_DOMID_SELF };
    struct pv_evtchn_bind_interdomain bi = { .remote_dom = PV_DOMID_SELF };

    si = kit_spare_page(3);
    hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    hyp_vcpu_op(PV_VCPUOP_stop_periodic_timer, 0, 0);
    hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &au);
    bi.remote_port = au.port;
    hyp_event_channel_op(PV_EVTCHNOP_bind_interdomain, &bi);
    loop_port = au.port;
    kit_register_event_callback();
    si->vcpu_info[0].evtchn_upcall_mask = 0;
    hyp_xen_version(PV_XENVER_version, 0);      /* take the bind's pending event */
}

/* send on one end of a loopback channel; the upcall runs before send returns */
static unsigned long event_round_trip(void)
{
    struct pv_evtchn_send send = { .port = loop_port };
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
        hyp_event_channel_op(PV_EVTCHNOP_send, &send);
    return (kit_rdtsc() - t0) / REPS;
}

static struct pv_grant_entry_v1 *gt;

static void setup_grants(void)
{
    struct pv_gnttab_setup_table st = { .dom = PV_DOMID_SELF, .nr_frames = 1 };
    pv_pfn_t frame;

    pv_set_handle(st.frame_list, &frame);
    hyp_grant_table_op(PV_GNTTABOP_setup_table, &st, 1);
    gt = kit_spare_page(4);
    hyp_update_va_mapping((unsigned long)gt, (frame << 12) | 0x67, PV_UVMF_INVLPG);
    gt[8].domid = 0;
    gt[8].frame = (uint32_t)pfn_to_mfn(virt_to_pfn(kit_spare_page(5)));
    __atomic_store_n(&gt[8].flags, PV_GTF_permit_access, __ATOMIC_SEQ_CST);
    hyp_update_va_mapping((unsigned long)kit_spare_page(6), 0, PV_UVMF_INVLPG);
}

static unsigned long grant_map_unmap(void)
{
    struct pv_gnttab_map_grant_ref m = { .host_addr = (unsigned long)kit_spare_page(6),
                                         .flags = PV_GNTMAP_host_map, .ref = 8, .dom = 0 };
    struct pv_gnttab_unmap_grant_ref u = { .host_addr = (unsigned long)kit_spare_page(6) };
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
    {
        hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
        u.handle = m.handle;
        hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);
    }
    return (kit_rdtsc() - t0) / REPS;
}

static unsigned long exception_bounce(void)
{
    unsigned long t0 = kit_rdtsc();

    for ( int i = 0; i < REPS; i++ )
        asm volatile("ud2" ::: "memory");
    return (kit_rdtsc() - t0) / REPS;
}

/* user mode: REPS system calls, each bounced to the kernel and straight back */
asm(".text\n.globl bench_user\nbench_user:\n"
    "  mov $200, %ecx\n"
    "1: push %rcx\n  syscall\n  pop %rcx\n  dec %ecx\n  jnz 1b\n"
    "  mov $42, %eax\n  syscall\n");      /* a last one, to the leaving callback */
extern const char bench_user[];
static unsigned long syscall_round_trip(void)
{
    unsigned long t0;

    kit_syscall_count = 0;
    t0 = kit_rdtsc();
    kit_enter_user((unsigned long)bench_user, (unsigned long)kit_spare_page(8) + 4096);
    t0 = kit_rdtsc() - t0;
    if ( kit_syscall_count != REPS )
        printf("bench: %lu system calls instead of %d\n", (unsigned long)kit_syscall_count, REPS);
    return t0 / REPS;
}

int main(void)
{
    kit_trap_handler = on_trap;
    kit_install_traps(0);
    setup_l1();
    setup_events();
    setup_grants();
    kit_make_user_tables(9);
    hyp_stack_switch(0xe02b, (unsigned long)kit_spare_page(10) + 4096);
    kit_register_syscall_at(kit_syscall_return_entry);
    report("null hypercall (xen_version)", null_hypercall);
    report("mmu_update, batch of 512 L1 entries", mmu_batch);
    report("update_va_mapping with UVMF_INVLPG", va_mapping_invlpg);
    report("mmuext_op TLB_FLUSH_LOCAL", tlb_flush);
    report("exception bounce and iret (ud2 handled)", exception_bounce);
    report("event channel send + upcall + iret (loopback)", event_round_trip);
    report("grant map + unmap (own grant)", grant_map_unmap);
    report("user->kernel system call and back (iret)", syscall_round_trip);
    if ( !events_seen )
        printf("bench: no event was delivered\n");
    return 0;
}
