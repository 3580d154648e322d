/*
 * fifo: the FIFO event-channel ABI, driven by hand with events masked so
 * that every word, queue head and ready bit can be read after each step.
 * Before any control block: expand_array and set_priority are refused, a
 * control block in a frame that is not ours is -EINVAL (XSA-188's shape)
 * and leaves the domain 2-level. Then vCPU 0's control block and one
 * event-array page go in; an IPI port raised while its word is masked is
 * only PENDING; unmasked by the hypercall it is LINKED and becomes the head
 * of priority 7, which turns ready and raises the upcall; a second port
 * links behind it; a port on another priority has its own queue; a port
 * still linked is not linked twice. A port pending under the 2-level ABI
 * arrives pending once its page exists. EVTCHNOP_reset returns to 2-level;
 * FIFO is then set up again and left on, for destruction to tear down.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>
#include <sierra/domid.h>
#include <sierra/errno.h>
#include <sierra/event-channel.h>
#include <sierra/shared-info.h>
#include <hv/lib.h>

#define P (1U << PV_EVTCHN_FIFO_PENDING)
#define M (1U << PV_EVTCHN_FIFO_MASKED)
#define L (1U << PV_EVTCHN_FIFO_LINKED)

static struct pv_shared_info *si;
static struct pv_evtchn_fifo_control_block *cb;
static volatile pv_event_word_t *words;

static long init_control(uint64_t gfn, uint32_t offset, uint32_t vcpu, uint8_t *link_bits)
{
    struct pv_evtchn_init_control op = { .control_gfn = gfn, .offset = offset, .vcpu = vcpu };
    long rc = hyp_event_channel_op(PV_EVTCHNOP_init_control, &op);

    *link_bits = op.link_bits;
    return rc;
}

static long expand(uint64_t gfn)
{
    struct pv_evtchn_expand_array op = { .array_gfn = gfn };

    return hyp_event_channel_op(PV_EVTCHNOP_expand_array, &op);
}

static long priority(uint32_t port, uint32_t prio)
{
    struct pv_evtchn_set_priority op = { .port = port, .priority = prio };

    return hyp_event_channel_op(PV_EVTCHNOP_set_priority, &op);
}

static long ipi(void)
{
    struct pv_evtchn_bind_ipi op = { .vcpu = 0 };
    long rc = hyp_event_channel_op(PV_EVTCHNOP_bind_ipi, &op);

    return rc ? rc : op.port;
}

static long send(uint32_t port)
{
    struct pv_evtchn_send op = { .port = port };

    return hyp_event_channel_op(PV_EVTCHNOP_send, &op);
}

static long unmask(uint32_t port)
{
    struct pv_evtchn_unmask op = { .port = port };

    return hyp_event_channel_op(PV_EVTCHNOP_unmask, &op);
}

static void before_fifo(uint32_t early)
{
    uint8_t bits = 0;
    long rc;

    rc = expand(virt_to_mfn(kit_spare_page(2)));
    check(rc == -PV_EOPNOTSUPP, "expand_array before any control block -> %ld", rc);
    rc = priority(early, 3);
    check(rc == -PV_ENOSYS, "set_priority under the 2-level ABI -> %ld", rc);
    rc = init_control(-2ULL, 0, 0, &bits);
    check(rc == -PV_EINVAL, "init_control of frame -2 -> %ld", rc);
    rc = init_control(virt_to_mfn(kit_spare_page(1)), 4, 0, &bits);
    check(rc == -PV_EINVAL, "init_control at a misaligned offset -> %ld", rc);
    rc = init_control(virt_to_mfn(kit_spare_page(1)), 4096 - 8, 0, &bits);
    check(rc == -PV_EINVAL, "init_control with no room for the block -> %ld", rc);
    rc = init_control(virt_to_mfn(kit_spare_page(1)), 0, 7, &bits);
    check(rc == -PV_ENOENT, "init_control for vCPU 7 (there is one) -> %ld", rc);
    rc = expand(virt_to_mfn(kit_spare_page(2)));
    check(rc == -PV_EOPNOTSUPP, "still 2-level after the refusals -> %ld", rc);
}

static void queues(uint32_t early)
{
    uint8_t bits = 0;
    long a, b, c, rc;

    cb = kit_spare_page(1);
    words = kit_spare_page(2);
    memset(cb, 0, 4096);
    for ( unsigned int i = 0; i < PV_EVTCHN_FIFO_EVENT_WORDS_PER_PAGE; i++ )
        words[i] = M;                           /* as Linux starts a page: all masked */
    rc = init_control(virt_to_mfn(cb), 0, 0, &bits);
    check(rc == 0 && bits == PV_EVTCHN_FIFO_LINK_BITS, "init_control for vCPU 0 -> %ld, %u link bits",
          rc, bits);
    rc = init_control(virt_to_mfn(cb), 64, 0, &bits);
    check(rc == -PV_EINVAL, "a second control block for vCPU 0 -> %ld", rc);
    rc = expand(virt_to_mfn((const void *)words));
    check(rc == 0, "expand_array with one page -> %ld", rc);
    check(words[early] == (M | P), "the port pending under 2-level arrived pending: %#x",
          words[early]);

    a = ipi();
    b = ipi();
    c = ipi();
    check(a > 0 && b > a && c > b, "three IPI ports: %ld %ld %ld", a, b, c);
    si->vcpu_info[0].evtchn_upcall_pending = 0;
    rc = send((uint32_t)a);
    check(rc == 0 && words[a] == (M | P) && cb->ready == 0,
          "raised while masked: pending only (%#x), no queue ready", words[a]);
    rc = unmask((uint32_t)a);
    check(rc == 0 && words[a] == (P | L) && cb->head[7] == a && cb->ready == 1u << 7,
          "unmasked: linked (%#x), head of priority 7 (%u), ready %#x", words[a], cb->head[7],
          cb->ready);
    check(si->vcpu_info[0].evtchn_upcall_pending == 1, "and the upcall is raised");
    words[b] = 0;
    rc = send((uint32_t)b);
    check(rc == 0 && (words[a] & PV_EVTCHN_FIFO_LINK_MASK) == b && words[b] == (P | L) &&
          cb->head[7] == a, "a second port links behind the first (link %u)",
          words[a] & PV_EVTCHN_FIFO_LINK_MASK);
    rc = send((uint32_t)b);
    check(rc == 0 && (words[b] & PV_EVTCHN_FIFO_LINK_MASK) == 0,
          "raising it again while linked does not link it twice");
    rc = priority((uint32_t)c, 16);
    check(rc == -PV_EINVAL, "set_priority 16 -> %ld", rc);
    rc = priority((uint32_t)c, 3);
    check(rc == 0, "set_priority 3 -> %ld", rc);
    words[c] = 0;
    rc = send((uint32_t)c);
    check(rc == 0 && cb->head[3] == c && cb->ready == ((1u << 7) | (1u << 3)),
          "priority 3 has its own queue: head %u, ready %#x", cb->head[3], cb->ready);

    /* the guest consumes queue 7: both words unlinked, ready cleared */
    words[a] = 0;
    words[b] = 0;
    cb->ready &= ~(1u << 7);
    rc = send((uint32_t)a);
    check(rc == 0 && cb->head[7] == a && (words[b] & PV_EVTCHN_FIFO_LINK_MASK) == 0,
          "after the guest empties a queue, the next event is its head again");
    rc = hyp_event_channel_op(PV_EVTCHNOP_reset, &(struct pv_evtchn_reset){ .dom = PV_DOMID_SELF });
    check(rc == 0, "EVTCHNOP_reset -> %ld", rc);
    rc = expand(virt_to_mfn((const void *)words));
    check(rc == -PV_EOPNOTSUPP, "after reset the domain is 2-level again -> %ld", rc);
    /* left in FIFO mode: the domain's destruction gives both pages back */
    rc = init_control(virt_to_mfn(cb), 0, 0, &bits);
    rc = rc ? rc : expand(virt_to_mfn((const void *)words));
    check(rc == 0, "FIFO again, left on for the domain's end -> %ld", rc);
}

int main(void)
{
    long early;

    printf("fifo: start\n");
    si = kit_spare_page(0);
    hyp_update_va_mapping((unsigned long)si, start_info->shared_info | 0x67, PV_UVMF_INVLPG);
    early = ipi();
    check(early > 0 && send((uint32_t)early) == 0, "an IPI port raised under 2-level: %ld", early);
    before_fifo((uint32_t)early);
    queues((uint32_t)early);
    printf("fifo: %d failed\n", checks_failed());
    return checks_failed() ? 1 : 0;
}
