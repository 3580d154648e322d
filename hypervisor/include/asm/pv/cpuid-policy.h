/*
 * The CPUID features a PV guest may be shown (pv/cpuid.c filters the host's
 * CPUID through these), one mask per featureset word as Xen numbers them:
 * the features Xen 4.17 makes available to all guests by default ('A' in
 * its public arch-x86/cpufeatureset.h). tests/abi/cpuid-policy.t checks
 * every mask against that reference, so a new Xen feature list is noticed.

 */
#ifndef ASM_PV_CPUID_POLICY_H
#define ASM_PV_CPUID_POLICY_H

/* word 0, leaf 1 edx: FPU DE TSC MSR PAE MCE CX8 APIC SEP MCA CMOV PAT CLFLUSH
 * ACPI MMX FXSR SSE SSE2 SS HTT */
#define PV_CPUID_W0_L1_EDX      0x1fc9cbf5u
/* word 1, leaf 1 ecx: SSE3 PCLMULQDQ SSSE3 FMA CX16 SSE4_1 SSE4_2 MOVBE POPCNT
 * AESNI XSAVE AVX F16C RDRAND HYPERVISOR */
#define PV_CPUID_W1_L1_ECX      0xf6d83203u
/* word 2, leaf 0x80000001 edx: SYSCALL NX MMXEXT FFXSR RDTSCP LM 3DNOWEXT 3DNOW */
#define PV_CPUID_W2_E1_EDX      0xea500800u
/* word 3, leaf 0x80000001 ecx: LAHF_LM CMP_LEGACY ABM SSE4A MISALIGNSSE
 * 3DNOWPREFETCH XOP FMA4 TBM DBEXT */
#define PV_CPUID_W3_E1_ECX      0x042109e3u
/* word 4, leaf 0xd.1 eax: XSAVEOPT XSAVEC XGETBV1 */
#define PV_CPUID_W4_D1_EAX      0x00000007u
/* word 5, leaf 7.0 ebx: FSGSBASE BMI1 AVX2 BMI2 ERMS RTM AVX512F AVX512DQ RDSEED
 * ADX AVX512_IFMA CLFLUSHOPT CLWB AVX512PF AVX512ER AVX512CD SHA AVX512BW AVX512VL */
#define PV_CPUID_W5_L7_EBX      0xfdaf0b29u
/* word 6, leaf 7.0 ecx: PREFETCHWT1 AVX512_VBMI AVX512_VBMI2 GFNI VAES VPCLMULQDQ
 * AVX512_VNNI AVX512_BITALG AVX512_VPOPCNTDQ RDPID CLDEMOTE */
#define PV_CPUID_W6_L7_ECX      0x02405f43u
/* word 7, leaf 0x80000007 edx: nothing */
#define PV_CPUID_W7_E7_EDX      0x00000000u
/* word 8, leaf 0x80000008 ebx: CLZERO RSTR_FP_ERR_PTRS IBPB SSB_NO BTC_NO IBPB_RET */
#define PV_CPUID_W8_E8_EBX      0x64001005u
/* word 9, leaf 7.0 edx: AVX512_4VNNIW AVX512_4FMAPS FSRM MD_CLEAR SERIALIZE IBRSB
 * STIBP ARCH_CAPS SSBD */
#define PV_CPUID_W9_L7_EDX      0xac00441cu
/* word 10, leaf 7.1 eax: AVX_VNNI AVX512_BF16 FZRM FSRS FSRCS */
#define PV_CPUID_W10_L7_1_EAX   0x00001c30u

#endif
