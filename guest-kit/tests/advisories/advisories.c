/*
 * advisories: the shapes of Xen security advisories that a 64-bit PV guest
 * can reach, each tried against the hypervisor and its answer printed, so
 * tests/xen-diff holds Sierra to what a fixed Xen 4.17 answers. Each probe
 * names its advisory: hypercall buffers that must not leak stack (XSA-122),
 * bogus superpage marks (167), recursive L4s that must stay read-only (182),
 * FIFO event-channel control with a bad frame (188), a forged memory
 * exchange (212), polling every 2-level port (221), grant maps by device
 * address (224) and by misaligned PTE address (227), reservations naming
 * every NUMA node (231), grant unmap-and-replace stealing a writable PTE
 * (234), non-canonical INVLPG (279), linear page-table reuse across a
 * multicall (286), allocating past the 2-level port limit (317), a hypercall
 * returning to the non-canonical boundary (XSA-7) and a breakpoint over the
 * hypervisor's per-domain area (444). The domain learns its own id the way
 * XTF does without xenstore: an unbound port's status.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/mm.h>
#include <sierra-guest/traps.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/xenver.h>
#include <hv/lib.h>

#define AD  0x60UL
#define PAGE(name) static uint64_t name[512] __attribute__((aligned(4096)))

static uint64_t pte_of(const void *va, uint64_t flags)
{
    return (virt_to_mfn(va) << 12) | flags;
}

/* after the string's NUL, every byte of the buffer is 0 */
static int zero_tail(const char *buf, size_t size)
{
    size_t n = 0;

    while ( n < size && buf[n] )
        n++;

    for ( size_t i = n + 1; i < size; i++ )
        if ( buf[i] )
            return 0;
    return n < size;
}

static void version_buffers(void)
{
    char extra[16], changeset[64], ci[4 * 64];
    long rc;

    memset(extra, 0xaa, sizeof(extra));
    rc = hyp_xen_version(PV_XENVER_extraversion, extra);
    check(rc >= 0 && zero_tail(extra, sizeof(extra)),
          "XSA-122: extraversion zero-filled after its NUL -> %ld", rc);
    memset(ci, 0xaa, sizeof(ci));
    rc = hyp_xen_version(PV_XENVER_compile_info, ci);
    check(rc >= 0 && zero_tail(ci, 64) && zero_tail(ci + 64, 16) && zero_tail(ci + 80, 32) &&
          zero_tail(ci + 112, 32), "XSA-122: compile_info fields zero-filled -> %ld", rc);
    memset(changeset, 0xaa, sizeof(changeset));
    rc = hyp_xen_version(PV_XENVER_changeset, changeset);
    check(rc >= 0 && zero_tail(changeset, sizeof(changeset)),
          "XSA-122: changeset zero-filled -> %ld", rc);
}

static void superpage(void)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_MARK_SUPER, .arg1.mfn = -1UL << 9 };
    long rc = hyp_mmuext_op(&op, 1, NULL, PV_DOMID_SELF);

    check(rc == -PV_EOPNOTSUPP, "XSA-167: MMUEXT_MARK_SUPER of mfn %#lx -> %ld",
          (unsigned long)op.arg1.mfn, rc);
}

static void recursive_l4(void)
{
    unsigned long cr3, *l4 = kit_spare_page(0);
    unsigned int slot = 0;
    struct pv_mmu_update mu;
    long rc;

    asm volatile("mov %%cr3, %0" : "=r"(cr3));
    rc = hyp_update_va_mapping((unsigned long)l4, cr3 | AD | 5, PV_UVMF_INVLPG);
    check(rc == 0, "XSA-182: map the live L4 read-only -> %ld", rc);
    for ( unsigned int i = 1; i < 256 && !slot; i++ )
        if ( !(l4[i] & 1) )
            slot = i;
    mu = (struct pv_mmu_update){ .ptr = cr3 + slot * 8, .val = cr3 | AD | 5 };
    rc = hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
    check(rc == 0, "XSA-182: the L4 maps itself read-only (a linear page table) -> %ld", rc);
    mu.val |= 2;
    rc = hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
    check(rc == -PV_EINVAL, "XSA-182: then writable -> %ld", rc);
    mu.val = 0;
    rc = hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
    check(rc == 0, "XSA-182: the self-map removed -> %ld", rc);
    hyp_update_va_mapping((unsigned long)l4, 0, PV_UVMF_INVLPG);
}

static void fifo_control(void)
{
    struct pv_evtchn_init_control init = { .control_gfn = -2ULL };
    struct pv_evtchn_expand_array array = { .array_gfn = virt_to_mfn(kit_spare_page(0)) };
    long rc;

    rc = hyp_event_channel_op(PV_EVTCHNOP_init_control, &init);
    check(rc == -PV_EINVAL, "XSA-188: EVTCHNOP_init_control of frame -2 -> %ld", rc);
    rc = hyp_event_channel_op(PV_EVTCHNOP_expand_array, &array);
    check(rc == -PV_EOPNOTSUPP, "XSA-188: EVTCHNOP_expand_array after it -> %ld", rc);
}

static void forged_exchange(void)
{
    struct { uint16_t limit; uint64_t base; } __attribute__((packed)) idtr;
    unsigned long in[1] = { pfn_to_mfn(0) };
    struct pv_memory_exchange mx;
    long rc;

    asm volatile("sidt %0" : "=m"(idtr));
    mx = (struct pv_memory_exchange){
        .in = { .nr_extents = idtr.base / 8 + 1, .domid = PV_DOMID_SELF },
        .out = { .nr_extents = idtr.base / 8 + 1, .mem_flags = 32, .domid = PV_DOMID_SELF },
        .nr_exchanged = idtr.base / 8,
    };
    pv_set_handle(mx.in.extent_start, (void *)((unsigned long)in - idtr.base));
    rc = hyp_memory_op(PV_XENMEM_exchange, &mx);
    check(rc < 0, "XSA-212: XENMEM_exchange whose arrays reach the IDT fails (%s)",
          rc == -PV_EFAULT ? "-EFAULT" : rc < 0 ? "an error" : "success");
}

/* SCHEDOP_poll of every 2-level port, 1 ns deadline: how many return 0,
 * and the first that does not */
/* XSA-231: increase_reservation naming every NUMA node in mem_flags; what
 * each gives is handed back */
static void every_node(void)
{
    unsigned int got = 0, node0 = 0, beyond = 0;

    for ( unsigned int flags = 0; flags < 0x10000; flags += 0x100 )
    {
        pv_pfn_t mfn = 0;
        struct pv_memory_reservation r = { .nr_extents = 1, .mem_flags = flags,
                                           .domid = PV_DOMID_SELF };
        long rc;

        pv_set_handle(r.extent_start, &mfn);
        rc = hyp_memory_op(PV_XENMEM_increase_reservation, &r);
        got += rc == 1;
        node0 += rc == 1 && flags == 0x100;
        beyond += rc == 1 && flags > 0x4000;
        if ( rc == 1 )
            hyp_memory_op(PV_XENMEM_decrease_reservation, &r);
    }
    check(node0 && !beyond, "XSA-231: increase_reservation for nodes 0-254: %u satisfied "
          "(node 0: %u, beyond node 63: %u)", got, node0, beyond);
}

static void poll_every_port(const char *when, unsigned int expect_zero)
{
    pv_evtchn_port_t port;
    struct pv_sched_poll poll = { .nr_ports = 1, .timeout = 1 };
    unsigned int zero = 0, other = 0;
    long rc = 0, other_rc = 0;

    pv_set_handle(poll.ports, &port);
    for ( port = 32; port < 4096; port++ )
    {
        rc = hyp_sched_op(PV_SCHEDOP_poll, &poll);
        zero += rc == 0;
        if ( rc && !other )
        {
            other = port;
            other_rc = rc;
        }
    }
    check(zero == expect_zero, "XSA-221: SCHEDOP_poll of ports 32-4095 %s: %u return 0 "
          "(first other: port %u -> %ld)", when, zero, other, other_rc);
    rc = hyp_sched_op(PV_SCHEDOP_poll, &poll);
    check(rc == -PV_EINVAL, "XSA-221: SCHEDOP_poll of port 4096 -> %ld", rc);
}

/* the id of this domain as an unbound port reports its remote end */
static int own_domid(void)
{
    struct pv_evtchn_alloc_unbound a = { .dom = PV_DOMID_SELF, .remote_dom = PV_DOMID_SELF };
    struct pv_evtchn_status st = { .dom = PV_DOMID_SELF };
    struct pv_evtchn_close cl;
    long rc = hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &a);

    if ( rc )
        return (int)rc;
    st.port = a.port;
    rc = hyp_event_channel_op(PV_EVTCHNOP_status, &st);
    cl.port = a.port;
    hyp_event_channel_op(PV_EVTCHNOP_close, &cl);
    return rc ? (int)rc : st.u.unbound.dom;
}

static struct pv_grant_entry_v1 *gt;

static void grant_to(unsigned int ref, const void *page, pv_domid_t domid)
{
    gt[ref].domid = domid;
    gt[ref].frame = (uint32_t)virt_to_mfn(page);
    __atomic_store_n(&gt[ref].flags, (uint16_t)PV_GTF_permit_access, __ATOMIC_SEQ_CST);
}

static long pin_l1(const void *page)
{
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_PIN_L1_TABLE, .arg1.mfn = virt_to_mfn(page) };

    return hyp_mmuext_op(&op, 1, NULL, PV_DOMID_SELF);
}

PAGE(frame1);
PAGE(frame2);

static void grants(int domid)
{
    struct pv_gnttab_setup_table setup = { .dom = PV_DOMID_SELF, .nr_frames = 1 };
    struct pv_gnttab_map_grant_ref m;
    struct pv_gnttab_unmap_grant_ref u;
    struct pv_gnttab_unmap_and_replace ur;
    void *at4 = kit_spare_page(4), *at8 = kit_spare_page(5);
    pv_pfn_t frame;
    long rc;

    pv_set_handle(setup.frame_list, &frame);
    rc = hyp_grant_table_op(PV_GNTTABOP_setup_table, &setup, 1);
    gt = kit_spare_page(6);
    rc = rc ? rc : hyp_update_va_mapping((unsigned long)gt, (frame << 12) | 0x67, PV_UVMF_INVLPG);
    check(rc == 0 && setup.status == 0, "grant table set up -> %ld", rc);

    /* XSA-224: a host and device map, unmapped one half at a time */
    grant_to(8, frame1, (pv_domid_t)domid);
    hyp_update_va_mapping((unsigned long)at4, 0, PV_UVMF_INVLPG);
    m = (struct pv_gnttab_map_grant_ref){ .host_addr = (unsigned long)at4, .ref = 8,
        .flags = PV_GNTMAP_host_map | PV_GNTMAP_device_map, .dom = (pv_domid_t)domid };
    rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
    check(rc == 0 && m.status == 0 && m.dev_bus_addr == virt_to_mfn(frame1) << 12,
          "XSA-224: host+device map -> %ld/%d, bus address is the frame's: %s", rc, m.status,
          m.dev_bus_addr == virt_to_mfn(frame1) << 12 ? "yes" : "no");
    u = (struct pv_gnttab_unmap_grant_ref){ .host_addr = (unsigned long)at4, .handle = m.handle };
    rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);
    check(rc == 0 && u.status == 0, "XSA-224: unmap the host half -> %ld/%d", rc, u.status);
    check(gt[8].flags == (PV_GTF_permit_access | PV_GTF_reading | PV_GTF_writing),
          "XSA-224: the device half keeps the grant in use: flags %#x", gt[8].flags);
    u.host_addr = 0;
    u.dev_bus_addr = virt_to_mfn(frame1) << 12;
    rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);
    check(rc == 0 && u.status == 0, "XSA-224: unmap the device half -> %ld/%d", rc, u.status);
    rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);
    check(rc == 0 && u.status == PV_GNTST_bad_handle, "XSA-224: and again -> %ld/%d", rc,
          u.status);
    check(gt[8].flags == PV_GTF_permit_access, "XSA-224: grant idle after both: flags %#x",
          gt[8].flags);
    rc = pin_l1(frame1);
    check(rc == -PV_EINVAL, "XSA-224: frame1 (still mapped writable) cannot be pinned -> %ld", rc);

    /* XSA-227: a map by PTE address, misaligned across two entries */
    hyp_update_va_mapping((unsigned long)at8, 0, PV_UVMF_INVLPG);
    m = (struct pv_gnttab_map_grant_ref){ .host_addr = kit_boot_pte_maddr((unsigned long)at8) - 2,
        .ref = 8, .flags = PV_GNTMAP_host_map | PV_GNTMAP_contains_pte, .dom = (pv_domid_t)domid };
    rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
    check(rc != 0 || m.status != 0, "XSA-227: map by a PTE address 2 bytes off -> %ld/%d", rc,
          m.status);
    check(kit_boot_pte((unsigned long)at4) == 0 && kit_boot_pte((unsigned long)at8) == 0,
          "XSA-227: both PTEs it straddles are untouched");

    /* XSA-234: unmap_and_replace of a read-only map stealing a writable PTE */
    rc = hyp_update_va_mapping((unsigned long)frame1, pte_of(frame1, AD | 5), PV_UVMF_INVLPG);
    check(rc == 0, "XSA-234: frame1 remapped read-only -> %ld", rc);
    grant_to(9, frame2, (pv_domid_t)domid);
    m = (struct pv_gnttab_map_grant_ref){ .host_addr = (unsigned long)at4, .ref = 8,
        .flags = PV_GNTMAP_host_map, .dom = (pv_domid_t)domid };
    rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
    check(rc == 0 && m.status == 0, "XSA-234: frame1 granted and mapped writable -> %ld/%d", rc,
          m.status);
    {
        uint32_t f1 = m.handle;

        m = (struct pv_gnttab_map_grant_ref){ .host_addr = (unsigned long)at8, .ref = 9,
            .flags = PV_GNTMAP_host_map | PV_GNTMAP_readonly, .dom = (pv_domid_t)domid };
        rc = hyp_grant_table_op(PV_GNTTABOP_map_grant_ref, &m, 1);
        check(rc == 0 && m.status == 0, "XSA-234: frame2 mapped read-only -> %ld/%d", rc,
              m.status);
        ur = (struct pv_gnttab_unmap_and_replace){ .host_addr = (unsigned long)at8,
            .new_addr = (unsigned long)at4, .handle = m.handle };
        rc = hyp_grant_table_op(PV_GNTTABOP_unmap_and_replace, &ur, 1);
        check(rc == 0 && ur.status == 0, "XSA-234: unmap_and_replace frame2 by frame1's PTE -> "
              "%ld/%d", rc, ur.status);
        check(kit_boot_pte((unsigned long)at4) == 0, "XSA-234: the replaced address is unmapped");
        check(((kit_boot_pte((unsigned long)at8) >> 12) & 0xffffffffffUL) == virt_to_mfn(frame1),
              "XSA-234: frame1's grant mapping moved to the other address (flags %#lx)",
              kit_boot_pte((unsigned long)at8) & 0x8000000000000fffUL);
        rc = hyp_update_va_mapping((unsigned long)at4, pte_of(frame1, AD | 5), PV_UVMF_INVLPG);
        check(rc == 0, "XSA-234: frame1 read-only at the first address again -> %ld", rc);
        u = (struct pv_gnttab_unmap_grant_ref){ .host_addr = (unsigned long)at4, .handle = f1 };
        rc = hyp_grant_table_op(PV_GNTTABOP_unmap_grant_ref, &u, 1);
        check(rc == 0 && u.status == PV_GNTST_general_error,
              "XSA-234: unmap of frame1's handle finds no grant PTE there -> %ld/%d", rc,
              u.status);
        rc = pin_l1(frame1);
        check(rc == -PV_EINVAL, "XSA-234: frame1 (writable by the moved map) cannot be pinned "
              "-> %ld", rc);
    }
}

static void invlpg_noncanonical(void)
{
    long rc = hyp_update_va_mapping(1UL << 63, 0, PV_UVMF_INVLPG | PV_UVMF_ALL);

    check(rc == -PV_EINVAL, "XSA-279: update_va_mapping of 1 << 63 with INVLPG|ALL -> %ld", rc);
}

PAGE(l1t1);
PAGE(l1t2);
PAGE(l2t1);
PAGE(l2t2);

static void linear_reuse(void)
{
    uint64_t *l4 = (uint64_t *)start_info->pt_base;
    uint64_t *l3 = pfn_to_virt(mfn_to_pfn(l4[511] >> 12 & 0xffffffffffUL));
    struct pv_mmuext_op pin[2] = {
        { .cmd = PV_MMUEXT_PIN_L2_TABLE, .arg1.mfn = virt_to_mfn(l2t1) },
        { .cmd = PV_MMUEXT_PIN_L2_TABLE, .arg1.mfn = virt_to_mfn(l2t2) },
    };
    unsigned long addr = 0xffffff8000000000UL | (509UL << 30);   /* beside the image */
    struct pv_mmu_update mu[3];
    long rc = 0;
    int stale = 0;

    l2t1[0] = pte_of(l1t1, AD | 3);
    l2t2[0] = pte_of(l1t2, AD | 3);
    rc |= hyp_update_va_mapping((unsigned long)l1t1, pte_of(l1t1, AD | 1), 0);
    rc |= hyp_update_va_mapping((unsigned long)l1t2, pte_of(l1t2, AD | 1), 0);
    rc |= hyp_update_va_mapping((unsigned long)l2t1, pte_of(l2t1, AD | 1), 0);
    rc |= hyp_update_va_mapping((unsigned long)l2t2, pte_of(l2t2, AD | 1), 0);
    rc |= hyp_mmuext_op(pin, 2, NULL, PV_DOMID_SELF);
    check(rc == 0, "XSA-286: two L2->L1 trees read-only and pinned -> %ld", rc);
    for ( int i = 0; i < 15 && !stale; i++ )
    {
        struct pv_multicall_entry mc[3];

        mu[0] = (struct pv_mmu_update){ .ptr = virt_to_mfn(l3) << 12 | 509 * 8,
                                        .val = pte_of(l2t1, AD | 3) };
        mu[1] = (struct pv_mmu_update){ .ptr = virt_to_mfn(l1t1) << 12, .val = 0 };
        mu[2] = (struct pv_mmu_update){ .ptr = virt_to_mfn(l1t2) << 12, .val = 0 };
        rc = hyp_mmu_update(mu, 3, NULL, PV_DOMID_SELF);
        if ( rc )
            break;
        mu[0].val = pte_of(l2t2, AD | 3);
        mc[0] = (struct pv_multicall_entry){ .op = PV_HYPERCALL_update_va_mapping,
                                             .args = { addr, 0, PV_UVMF_INVLPG } };
        mc[1] = (struct pv_multicall_entry){ .op = PV_HYPERCALL_mmu_update,
                                             .args = { (unsigned long)mu, 1, 0, PV_DOMID_SELF } };
        mc[2] = (struct pv_multicall_entry){ .op = PV_HYPERCALL_update_va_mapping,
            .args = { addr, (pfn_to_mfn(0) << 12) | AD | 3, PV_UVMF_INVLPG } };
        rc = hyp_multicall(mc, 3);
        if ( rc || mc[0].result || mc[1].result || mc[2].result )
            break;
        stale = l1t1[0] != 0 || l1t2[0] == 0;
    }
    check(rc == 0 && !stale, "XSA-286: 15 multicalls swap the L2 under update_va_mapping; "
          "the new tree's L1 is the one written -> %ld", rc);
    mu[0].val = 0;
    hyp_mmu_update(mu, 1, NULL, PV_DOMID_SELF);
    pin[0].cmd = pin[1].cmd = PV_MMUEXT_UNPIN_TABLE;
    hyp_mmuext_op(pin, 2, NULL, PV_DOMID_SELF);
}

static void port_limit(void)
{
    struct pv_evtchn_alloc_unbound ub = { .dom = PV_DOMID_SELF, .remote_dom = 0 };
    unsigned int n = 0, first = 0;
    long rc = 0;

    for ( unsigned int i = 0; i < 4100; i++ )
    {
        rc = hyp_event_channel_op(PV_EVTCHNOP_alloc_unbound, &ub);
        if ( rc )
            break;
        first = first ? first : ub.port;
        n++;
    }
    check(rc == -PV_ENOSPC && first + n == 4096,
          "XSA-317: alloc_unbound until the 2-level limit: ports %u-%u, then %ld", first,
          first + n - 1, rc);
    poll_every_port("all allocated", 4096 - 32);
    for ( unsigned int p = first; p < first + n; p++ )
    {
        struct pv_evtchn_close cl = { .port = p };

        hyp_event_channel_op(PV_EVTCHNOP_close, &cl);
    }
}

/* XSA-7: a hypercall whose return address is the first non-canonical byte */
extern const char boundary_stub[], boundary_done[];
static unsigned long boundary_vector = ~0UL, boundary_error, boundary_rip;

static void boundary_fault(struct kit_trap_frame *f)
{
    boundary_vector = f->vector;
    boundary_error = f->error_code;
    boundary_rip = f->rip;
    f->rsp = f->rdx;
    f->rip = (unsigned long)boundary_done;
}

PAGE(bl3);
PAGE(bl2);
PAGE(bl1);

static void canonical_boundary(void)
{
    uint64_t *l4 = (uint64_t *)start_info->pt_base;
    unsigned long stub = 0x00007ffffffff000UL + ((unsigned long)boundary_stub & 0xfff);
    struct pv_mmu_update mu;
    long rc = 0;

    bl1[511] = pte_of(boundary_stub, AD | 7);
    bl2[511] = pte_of(bl1, AD | 7);
    bl3[511] = pte_of(bl2, AD | 7);
    rc |= hyp_update_va_mapping((unsigned long)bl1, pte_of(bl1, AD | 5), 0);
    rc |= hyp_update_va_mapping((unsigned long)bl2, pte_of(bl2, AD | 5), 0);
    rc |= hyp_update_va_mapping((unsigned long)bl3, pte_of(bl3, AD | 5), 0);
    mu = (struct pv_mmu_update){ .ptr = virt_to_mfn(l4) << 12 | 255 * 8, .val = pte_of(bl3, AD | 7) };
    rc |= hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
    check(rc == 0, "XSA-7: the stub's page mapped below the canonical boundary -> %ld", rc);
    kit_trap_handler = boundary_fault;
    {
        unsigned long sp = 0x00007fffffffff00UL, nr = PV_HYPERCALL_xen_version, a1 = 0, a2 = 0;

        asm volatile("xchg %%rdx, %%rsp\n\tjmp *%[stub]\n.globl boundary_done\nboundary_done:"
                     : "+d"(sp), "+a"(nr), "+D"(a1), "+S"(a2) : [stub] "r"(stub)
                     : "rcx", "r11", "memory");
    }
    check(boundary_vector == 13 && boundary_error == 0 && boundary_rip == 0x0000800000000000UL,
          "XSA-7: the return lands as #GP(%#lx) at rip %#lx, vector %lu", boundary_error,
          boundary_rip, boundary_vector);
    mu.val = 0;
    hyp_mmu_update(&mu, 1, NULL, PV_DOMID_SELF);
}

asm(".text\n.balign 4096\n.skip 4094, 0xcc\n.globl boundary_stub\nboundary_stub: syscall\n");

static void breakpoint_over_hole(void)
{
    struct { uint16_t limit; uint64_t base; } __attribute__((packed)) gdtr;
    unsigned long xlat;
    long rc;

    asm volatile("sgdt %0" : "=m"(gdtr));
    xlat = (gdtr.base & ~((1UL << 39) - 1)) + 0x80000000UL;
    rc = hyp_set_debugreg(0, xlat);
    check(rc == -PV_EPERM, "XSA-444: DR0 in the hypervisor's per-domain area -> %ld", rc);
}

int main(void)
{
    int domid;

    printf("advisories: start\n");
    check(kit_install_traps(0) == 0, "set_trap_table");
    version_buffers();
    superpage();
    recursive_l4();
    fifo_control();
    forged_exchange();
    every_node();
    poll_every_port("none allocated", 0);
    domid = own_domid();
    check(domid == 0, "own domain id from an unbound port's status: %d", domid);
    grants(domid);
    invlpg_noncanonical();
    linear_reuse();
    port_limit();
    canonical_boundary();
    breakpoint_over_hole();
    printf("advisories: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
