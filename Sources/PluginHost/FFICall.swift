import CFFI

/// A libffi call interface prepared once for one signature.
///
/// Only pointer arguments are ever passed by ABI v1 hooks, so `call`
/// takes pointer-sized argument values.
final class FFICall {
    let signature: Signature
    private let cif: UnsafeMutablePointer<ffi_cif>
    private let argumentTypes: UnsafeMutablePointer<UnsafeMutablePointer<ffi_type>?>

    /// Prepares the interface, or returns `nil` when libffi refuses.
    init?(signature: Signature) {
        self.signature = signature
        cif = .allocate(capacity: 1)
        argumentTypes = .allocate(capacity: max(1, signature.arguments.count))
        for (index, type) in signature.arguments.enumerated() {
            argumentTypes[index] = FFICall.ffiType(type)
        }
        let status = ffi_prep_cif(
            cif, nh_ffi_default_abi(), UInt32(signature.arguments.count),
            FFICall.ffiType(signature.returnType), argumentTypes)
        guard status == FFI_OK else {
            cif.deallocate()
            argumentTypes.deallocate()
            return nil
        }
    }

    deinit {
        cif.deallocate()
        argumentTypes.deallocate()
    }

    /// Calls `function` with `arguments` (one pointer-sized value each) and
    /// returns the integer result (0 for `void`).
    func call(_ function: UnsafeRawPointer, _ arguments: [UnsafeRawPointer?]) -> Int32 {
        precondition(arguments.count == signature.arguments.count, "argument count differs from the signature")
        var values = arguments
        var result: Int = 0  // ffi_arg: a full register, as libffi requires for small integers.
        values.withUnsafeMutableBufferPointer { valueBuffer in
            withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: max(1, valueBuffer.count)) {
                slots in
                for index in valueBuffer.indices {
                    slots[index] = UnsafeMutableRawPointer(valueBuffer.baseAddress! + index)
                }
                let entry = unsafeBitCast(function, to: (@convention(c) () -> Void).self)
                ffi_call(cif, entry, &result, slots.baseAddress)
            }
        }
        return signature.returnType == .void ? 0 : Int32(truncatingIfNeeded: result)
    }

    private static func ffiType(_ type: Signature.ValueType) -> UnsafeMutablePointer<ffi_type> {
        switch type {
        case .void: return nh_ffi_type_void()
        case .i32: return nh_ffi_type_sint32()
        case .u32: return nh_ffi_type_uint32()
        case .i64: return nh_ffi_type_sint64()
        case .u64: return nh_ffi_type_uint64()
        case .f64: return nh_ffi_type_double()
        case .ptr: return nh_ffi_type_pointer()
        case .size: return nh_ffi_type_size()
        }
    }
}
