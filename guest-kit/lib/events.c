/*
 * Kit event channels (sierra-guest/events.h): the 2-level upcall protocol
 * from the guest's side - clear upcall_pending, take the selector word, then
 * each pending and unmasked port, clearing its pending bit before calling its
 * handler - and system time from the vcpu_time_info record, read under the
 * version protocol.
 */
#include <sierra-guest/events.h>
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>

#define MAX_PORTS 1024

struct pv_shared_info *kit_shared_info;
struct pv_vcpu_info *kit_vcpu_info;        /* vCPU 0's, wherever it lives */
static void (*handlers[MAX_PORTS])(unsigned int port);

void kit_events_dispatch(void)
{
    struct pv_vcpu_info *vi = kit_vcpu_info;
    unsigned long sel;

    vi->evtchn_upcall_pending = 0;
    sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    while ( sel )
    {
        unsigned int w = (unsigned int)__builtin_ctzl(sel);
        unsigned long bits = kit_shared_info->evtchn_pending[w] & ~kit_shared_info->evtchn_mask[w];

        sel &= sel - 1;
        while ( bits )
        {
            unsigned int b = (unsigned int)__builtin_ctzl(bits), port = w * 64 + b;

            bits &= bits - 1;
            __atomic_fetch_and(&kit_shared_info->evtchn_pending[w], ~(1UL << b), __ATOMIC_SEQ_CST);
            if ( port < MAX_PORTS && handlers[port] )
                handlers[port](port);
        }
    }
}

static void upcall(struct kit_trap_frame *f)
{
    if ( f->vector != KIT_EVENT_VECTOR )
    {
        printf("unexpected trap %lu at %#lx\n", (unsigned long)f->vector, (unsigned long)f->rip);
        shutdown(PV_SHUTDOWN_crash);
    }
    kit_events_dispatch();
}

void kit_events_init(void *va)
{
    hyp_update_va_mapping((unsigned long)va, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    kit_shared_info = va;
    kit_vcpu_info = &kit_shared_info->vcpu_info[0];
    kit_trap_handler = upcall;
    kit_install_traps(0);
    kit_register_event_callback();
    kit_vcpu_info->evtchn_upcall_mask = 0;
}

long kit_move_vcpu_info(void *va, unsigned int offset)
{
    struct pv_vcpu_register_vcpu_info r = {
        .mfn = pfn_to_mfn(virt_to_pfn(va)), .offset = offset,
    };
    uint8_t was_masked = kit_vcpu_info->evtchn_upcall_mask;
    long rc;

    kit_vcpu_info->evtchn_upcall_mask = 1;     /* no upcall while it moves */
    rc = hyp_vcpu_op(PV_VCPUOP_register_vcpu_info, 0, &r);
    if ( rc == 0 )
        kit_vcpu_info = (struct pv_vcpu_info *)((char *)va + offset);
    kit_vcpu_info->evtchn_upcall_mask = was_masked;
    return rc;
}

void kit_bind_handler(unsigned int port, void (*fn)(unsigned int port))
{
    if ( port < MAX_PORTS )
        handlers[port] = fn;
}

long kit_bind_virq(unsigned int virq)
{
    struct pv_evtchn_bind_virq b = { .virq = virq, .vcpu = 0 };
    long rc = hyp_event_channel_op(PV_EVTCHNOP_bind_virq, &b);

    return rc ? rc : (long)b.port;
}

void kit_wait_until(const volatile unsigned int *counter, unsigned int target)
{
    for ( ;; )
    {
        __atomic_store_n(&kit_vcpu_info->evtchn_upcall_mask, 1, __ATOMIC_SEQ_CST);
        if ( *counter >= target )
            break;
        hyp_sched_op(PV_SCHEDOP_block, 0);     /* unmasked; the event comes on the way out */
    }
    __atomic_store_n(&kit_vcpu_info->evtchn_upcall_mask, 0, __ATOMIC_SEQ_CST);
    if ( __atomic_load_n(&kit_vcpu_info->evtchn_upcall_pending, __ATOMIC_SEQ_CST) )
        hyp_xen_version(PV_XENVER_version, 0);  /* what came while masked, delivered now */
}

unsigned long kit_system_time_ns(void)
{
    const volatile struct pv_vcpu_time_info *t = &kit_vcpu_info->time;
    unsigned int version;
    unsigned long ns;

    do
    {
        unsigned long tsc, delta;
        unsigned int lo, hi;

        version = t->version;
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
        tsc = ((unsigned long)hi << 32) | lo;
        delta = tsc - t->tsc_timestamp;
        delta = t->tsc_shift >= 0 ? delta << t->tsc_shift : delta >> -t->tsc_shift;
        ns = t->system_time + (unsigned long)(((unsigned __int128)delta * t->tsc_to_system_mul) >> 32);
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    } while ( (version & 1) || version != t->version );
    return ns;
}
