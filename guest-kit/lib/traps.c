/*
 * The C half of kit traps (see sierra-guest/traps.h and x86_64/entry.S):
 * build the trap table from the entry stubs, dispatch to the guest's handler,
 * register the syscall callback.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra-guest/traps.h>

extern const char kit_trap_stubs[];
extern const char kit_syscall_entry[];

void (*kit_trap_handler)(struct kit_trap_frame *f);

void kit_trap(struct kit_trap_frame *f);
void kit_trap(struct kit_trap_frame *f)
{
    if ( kit_trap_handler )
        kit_trap_handler(f);
    else
    {
        printf("unexpected trap %lu at %#lx\n", (unsigned long)f->vector,
               (unsigned long)f->rip);
        shutdown(PV_SHUTDOWN_crash);
    }
}

long kit_install_traps(unsigned int int_vector)
{
    static struct pv_trap_info table[34];
    unsigned int n = 0;

    for ( unsigned int v = 0; v < 32; v++ )
    {
        if ( v == 2 || v == 8 || v == 18 )
            continue;           /* NMI, #DF, #MC: not bounced */
        table[n++] = (struct pv_trap_info){
            .vector = (uint8_t)v, .flags = (v == 3 || v == 4) ? 3 : 0,
            .cs = 0xe033, .address = (unsigned long)(kit_trap_stubs + v * 32),
        };
    }
    if ( int_vector )
        table[n++] = (struct pv_trap_info){
            .vector = (uint8_t)int_vector, .flags = 3, .cs = 0xe033,
            .address = (unsigned long)(kit_trap_stubs + int_vector * 32),
        };
    table[n].address = 0;
    return hyp_set_trap_table(table);
}

long kit_register_syscall_at(const void *entry)
{
    struct pv_callback_register cb = {
        .type = PV_CALLBACKTYPE_syscall, .flags = PV_CALLBACKF_mask_events,
        .address = (unsigned long)entry,
    };

    return hyp_callback_op(PV_CALLBACKOP_register, &cb);
}

long kit_register_syscall(void)
{
    return kit_register_syscall_at(kit_syscall_entry);
}

long kit_make_user_tables(unsigned int spare_page)
{
    unsigned long *ul4 = kit_spare_page(spare_page);
    const unsigned long *kl4 = (const unsigned long *)start_info->pt_base;
    unsigned long mfn = pfn_to_mfn(virt_to_pfn(ul4));
    struct pv_mmuext_op op = { .cmd = PV_MMUEXT_NEW_USER_BASEPTR, .arg1.mfn = mfn };
    long rc;

    for ( unsigned int i = 0; i < 512; i++ )
        ul4[i] = i == 511 ? kl4[511] : 0;
    rc = hyp_update_va_mapping((unsigned long)ul4, (mfn << 12) | 0x25, PV_UVMF_INVLPG);
    return rc ? rc : hyp_mmuext_op(&op, 1, 0, 0x7ff0 /* DOMID_SELF */);
}

long kit_register_event_callback(void)
{
    struct pv_callback_register cb = {
        .type = PV_CALLBACKTYPE_event,
        .address = (unsigned long)(kit_trap_stubs + KIT_EVENT_VECTOR * 32),
    };

    return hyp_callback_op(PV_CALLBACKOP_register, &cb);
}
