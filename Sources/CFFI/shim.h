/* libffi for Swift. libffi's type descriptors are mutable C globals, which
 * Swift 6 treats as unsafe shared state; these accessors hand out their
 * addresses instead so the Swift side never names the globals. */
#ifndef NEWSHOST_CFFI_SHIM_H
#define NEWSHOST_CFFI_SHIM_H

#include <ffi.h>

static inline ffi_type *nh_ffi_type_void(void) { return &ffi_type_void; }
static inline ffi_type *nh_ffi_type_sint32(void) { return &ffi_type_sint32; }
static inline ffi_type *nh_ffi_type_uint32(void) { return &ffi_type_uint32; }
static inline ffi_type *nh_ffi_type_sint64(void) { return &ffi_type_sint64; }
static inline ffi_type *nh_ffi_type_uint64(void) { return &ffi_type_uint64; }
static inline ffi_type *nh_ffi_type_double(void) { return &ffi_type_double; }
static inline ffi_type *nh_ffi_type_pointer(void) { return &ffi_type_pointer; }
/* size_t is 64-bit on every platform newshost supports (LP64). */
static inline ffi_type *nh_ffi_type_size(void) { return sizeof(size_t) == 8 ? &ffi_type_uint64 : &ffi_type_uint32; }
static inline ffi_abi nh_ffi_default_abi(void) { return FFI_DEFAULT_ABI; }

#endif
