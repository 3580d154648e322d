/*
 * vCPU runstate: how long each vCPU has been running, runnable, blocked or
 * offline (PV kernels use it for steal time). A state change closes the time
 * spent in the old state and, if the guest registered an area, copies the
 * record there (best effort: a bad address is the guest's problem, as on
 * Xen).
 */
#include <asm/guest-access.h>
#include <hv/domain.h>
#include <hv/runstate.h>

static void publish(struct vcpu *v)
{
    if ( v->runstate_area && v == current )
        copy_to_guest(v->runstate_area, &v->runstate, sizeof(v->runstate));
}

void runstate_change(struct vcpu *v, int state)
{
    s_time_t now = NOW();
    struct pv_vcpu_runstate_info *r = &v->runstate;

    if ( r->state_entry_time )
        r->time[r->state] += now - r->state_entry_time;
    r->state = state;
    r->state_entry_time = now;
    publish(v);
}

void runstate_get(const struct vcpu *v, struct pv_vcpu_runstate_info *out)
{
    *out = v->runstate;
    out->time[out->state] += NOW() - out->state_entry_time;
}

long runstate_register_area(struct vcpu *v, u64 va)
{
    struct pv_vcpu_runstate_info now;

    v->runstate_area = va;
    runstate_get(v, &now);
    if ( va && v == current )
        copy_to_guest(va, &now, sizeof(now));
    return 0;
}
