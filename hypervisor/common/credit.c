/*
 * Credit accounting, after Xen's credit scheduler, for one physical CPU.
 * Every 30 ms accounting period, the domains that can run share the period
 * in proportion to their weights: each gets period * weight / total weight
 * added to its balance, which is clamped to one period either way so that
 * no domain hoards time by idling or is punished forever for a burst. Running
 * costs balance ns for ns. A domain with balance left is UNDER and is
 * preferred to one that is OVER; between equals the scheduler keeps its
 * round-robin order. A cap (percent of one CPU) parks the domain for the
 * rest of the period once it has run that share, even if the CPU would
 * otherwise idle - which is what a cap is for.
 */
#include <hv/credit.h>

void credit_init(struct credit *c)
{
    c->weight = CREDIT_WEIGHT_DEFAULT;
    c->cap = 0;
    c->balance = 0;
    c->used = 0;
}

void credit_charge(struct credit *c, u64 ns)
{
    c->balance -= (s64)ns;
    c->used += ns;
}

void credit_refill(struct credit *const c[], const bool active[], unsigned int n)
{
    u64 total = 0;

    for ( unsigned int i = 0; i < n; i++ )
        if ( active[i] )
            total += c[i]->weight;
    for ( unsigned int i = 0; i < n; i++ )
    {
        if ( active[i] )
            c[i]->balance += (s64)((u64)CREDIT_PERIOD_NS * c[i]->weight / total);
        if ( c[i]->balance > CREDIT_PERIOD_NS )
            c[i]->balance = CREDIT_PERIOD_NS;
        if ( c[i]->balance < -(s64)CREDIT_PERIOD_NS )
            c[i]->balance = -(s64)CREDIT_PERIOD_NS;
        c[i]->used = 0;
    }
}

enum credit_class credit_class(const struct credit *c)
{
    if ( c->cap && c->used * 100 >= (u64)c->cap * CREDIT_PERIOD_NS )
        return CREDIT_PARKED;
    return c->balance > 0 ? CREDIT_UNDER : CREDIT_OVER;
}
