/// What every variant computes from the body: one of eight labels, from the
/// number of lead bytes of three-byte UTF-8 sequences (as dispatch_plugin.c).
func pickLabel<C: Collection<UInt8>>(_ bytes: C) -> Int32 {
    var count: UInt32 = 0
    for byte in bytes where byte & 0xF0 == 0xE0 { count &+= 1 }
    return Int32(count % 8)
}
