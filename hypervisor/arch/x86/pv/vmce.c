/*
 * The virtual machine-check architecture Xen 4.17 gives a PV guest, so that
 * a kernel which sees MCE/MCA in CPUID (Linux does) can probe it: two banks
 * that never report an error. Measured with guest-kit/tests/msr:
 *   - MCG_CAP reads 2 (two banks, no MCG_CTL); writes are dropped;
 *   - MCG_STATUS keeps what the vCPU writes; MCG_CTL reads 0, writes dropped;
 *   - bank i < 2: MCi_CTL reads all ones, writes dropped; MCi_STATUS, ADDR
 *     and MISC read 0 and take only 0 (anything else is #GP);
 *   - banks 2-31 (MSRs up to 0x47f) read 0 and drop writes, as do the
 *     MCi_CTL2 MSRs (0x280-0x29f);
 *   - everything past them is #GP.
 */
#include <asm/pv/traps.h>
#include <hv/domain.h>

#define MSR_MCG_CAP         0x179
#define MSR_MCG_STATUS      0x17a
#define MSR_MCG_CTL         0x17b
#define MSR_MC0_CTL2        0x280
#define MSR_MC31_CTL2       0x29f
#define MSR_MC0_CTL         0x400
#define MSR_MC31_MISC       0x47f
#define VMCE_BANKS          2

static bool bank_msr(u32 msr, unsigned int *bank, unsigned int *reg)
{
    if ( msr < MSR_MC0_CTL || msr > MSR_MC31_MISC )
        return false;
    *bank = (msr - MSR_MC0_CTL) / 4;
    *reg = (msr - MSR_MC0_CTL) % 4;     /* CTL, STATUS, ADDR, MISC */
    return true;
}

bool pv_vmce_rdmsr(struct vcpu *v, u32 msr, u64 *val)
{
    unsigned int bank, reg;

    *val = 0;
    if ( msr == MSR_MCG_CAP )
        *val = VMCE_BANKS;
    else if ( msr == MSR_MCG_STATUS )
        *val = v->mcg_status;
    else if ( bank_msr(msr, &bank, &reg) )
        *val = bank < VMCE_BANKS && reg == 0 ? ~0UL : 0;
    else if ( msr != MSR_MCG_CTL && (msr < MSR_MC0_CTL2 || msr > MSR_MC31_CTL2) )
        return false;
    return true;
}

bool pv_vmce_wrmsr(struct vcpu *v, u32 msr, u64 val)
{
    unsigned int bank, reg;

    if ( msr == MSR_MCG_STATUS )
        v->mcg_status = val;
    else if ( bank_msr(msr, &bank, &reg) )
        return bank >= VMCE_BANKS || reg == 0 || val == 0;
    else if ( msr != MSR_MCG_CAP && msr != MSR_MCG_CTL &&
              (msr < MSR_MC0_CTL2 || msr > MSR_MC31_CTL2) )
        return false;
    return true;
}
