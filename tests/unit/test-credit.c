/*
 * Credit accounting (hypervisor/common/credit.c), the scheduler's weights
 * and caps. A small model of the scheduler runs on top of it, choosing as
 * common/schedule.c chooses (round robin from after the current domain, the
 * first UNDER domain, else the first OVER one, never a PARKED one) in 1 ms
 * steps over 3 s, and the shares each domain got are checked: weights
 * 512:256 give 2:1, equal weights 1:1, a cap of 20% holds a domain to a
 * quarter of the CPU even with the CPU otherwise idle, a capped domain next
 * to an uncapped one gets its cap. Then the rules one by one: the classes,
 * the clamps that stop hoarding and endless debt, and refills only for
 * domains that can run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <hv/credit.h>

#define STEP_NS     1000000     /* 1 ms */
#define STEPS       3000
#define MAXD        4

/* ran[i]: milliseconds domain i ran; idle: ms nobody could */
static unsigned int ran[MAXD], idle;

static void simulate(struct credit *c, const bool runnable[], unsigned int n)
{
    struct credit *cp[MAXD];
    unsigned int cur = n - 1;
    u64 t = 0;

    for ( unsigned int i = 0; i < n; i++ )
    {
        cp[i] = &c[i];
        ran[i] = 0;
    }
    idle = 0;
    credit_refill(cp, runnable, n);
    for ( unsigned int s = 0; s < STEPS; s++ )
    {
        int best = -1;
        enum credit_class best_class = CREDIT_PARKED;

        for ( unsigned int k = 1; k <= n; k++ )
        {
            unsigned int i = (cur + k) % n;
            enum credit_class cl = credit_class(&c[i]);

            if ( runnable[i] && cl < best_class )
            {
                best = (int)i;
                best_class = cl;
                if ( cl == CREDIT_UNDER )
                    break;
            }
        }
        if ( best < 0 )
            idle++;
        else
        {
            cur = (unsigned int)best;
            credit_charge(&c[cur], STEP_NS);
            ran[cur]++;
        }
        t += STEP_NS;
        if ( t % CREDIT_PERIOD_NS == 0 )
            credit_refill(cp, runnable, n);
    }
}

static void setup(struct credit *c, unsigned int n)
{
    for ( unsigned int i = 0; i < n; i++ )
        credit_init(&c[i]);
}

static void test_weights(void **state)
{
    struct credit c[2];
    const bool both[2] = { true, true };

    (void)state;
    setup(c, 2);
    assert_int_equal(c[0].weight, 256);
    assert_int_equal(c[0].cap, 0);
    simulate(c, both, 2);
    assert_in_range(ran[0], 1450, 1550);                /* 1:1 */
    c[0].weight = 512;
    simulate(c, both, 2);
    assert_in_range(ran[0], 1940, 2060);                /* 2:1 */
    assert_int_equal(ran[0] + ran[1], STEPS);           /* never idle */
    c[0].weight = 65535;
    c[1].weight = 1;
    simulate(c, both, 2);
    assert_true(ran[1] < 60);                           /* a trickle, not nothing... */
    assert_true(ran[1] > 0);                            /* ...round robin among the OVER */
}

static void test_caps(void **state)
{
    struct credit c[2];
    const bool alone[2] = { true, false }, both[2] = { true, true };

    (void)state;
    setup(c, 2);
    c[0].cap = 20;
    simulate(c, alone, 2);
    assert_in_range(ran[0], 595, 605);                  /* 20%, the rest idle */
    assert_int_equal(idle, STEPS - ran[0]);
    c[0].cap = 10;
    simulate(c, both, 2);
    assert_in_range(ran[0], 290, 310);                  /* 10% beside an uncapped one */
    assert_int_equal(idle, 0);
    c[0].cap = 100;
    simulate(c, alone, 2);
    assert_int_equal(ran[0], STEPS);                    /* 100%: no limit on one CPU */
}

static void test_rules(void **state)
{
    struct credit a, b, *cp[2] = { &a, &b };
    const bool only_a[2] = { true, false };

    (void)state;
    credit_init(&a);
    credit_init(&b);
    assert_int_equal(credit_class(&a), CREDIT_OVER);    /* nothing due yet */
    credit_refill(cp, only_a, 2);
    assert_int_equal(a.balance, CREDIT_PERIOD_NS);      /* the whole period */
    assert_int_equal(b.balance, 0);                     /* cannot run: no share */
    assert_int_equal(credit_class(&a), CREDIT_UNDER);
    credit_refill(cp, only_a, 2);
    assert_int_equal(a.balance, CREDIT_PERIOD_NS);      /* clamped: no hoarding */
    credit_charge(&a, 5 * (u64)CREDIT_PERIOD_NS);
    assert_int_equal(credit_class(&a), CREDIT_OVER);
    assert_int_equal(a.used, 5 * (u64)CREDIT_PERIOD_NS);
    credit_refill(cp, only_a, 2);
    assert_int_equal(a.balance, -(s64)CREDIT_PERIOD_NS); /* debt: never more than one period */
    assert_int_equal(a.used, 0);                        /* the cap counts per period */
    a.cap = 50;
    credit_charge(&a, CREDIT_PERIOD_NS / 2 - 1);
    assert_int_not_equal(credit_class(&a), CREDIT_PARKED);
    credit_charge(&a, 1);
    assert_int_equal(credit_class(&a), CREDIT_PARKED);  /* half the period run */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights),
        cmocka_unit_test(test_caps),
        cmocka_unit_test(test_rules),
    };

    cmocka_set_message_output(CM_OUTPUT_TAP);
    return cmocka_run_group_tests_name("credit", tests, NULL, NULL);
}
