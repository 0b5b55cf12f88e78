@_spi(Fuzzing) import NewsHostRuntime

// libFuzzer target: any bytes as one frame of the isolation protocol, read
// the way the host reads a worker's reply (from a process that may have
// crashed mid-write) and a worker reads the host's request.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let frame = Array(UnsafeBufferPointer(start: data, count: size))
    // Whatever decodes must encode to bytes that decode to the same
    // encoding (bytes, not values: a NaN score is not equal to itself).
    if let reply = try? WorkerReply.decode(frame) {
        let encoded = reply.encoded()
        precondition((try? WorkerReply.decode(encoded))?.encoded() == encoded, "reply round trip changed it")
    }
    if let request = try? WorkerRequest.decode(frame) {
        let encoded = request.encoded()
        precondition((try? WorkerRequest.decode(encoded))?.encoded() == encoded, "request round trip changed it")
    }
    return 0
}
