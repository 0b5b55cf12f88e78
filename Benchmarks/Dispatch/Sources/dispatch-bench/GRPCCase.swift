import GRPCCore
import GRPCNIOTransportHTTP2

// The plugin as a gRPC service on loopback (grpc-swift 2, HTTP/2 over TCP).
// The two messages are protobuf's wire format for
//
//     message Article { bytes body = 1; }      // field 1, length-delimited
//     message Label   { int32 label = 1; }     // field 1, varint
//
// encoded by hand (Benchmarks/Dispatch/Plugins/dispatch.proto), so no generated code
// is needed: for messages of one field the bytes are exactly protoc's.

/// `bytes body = 1`: tag 0x0A, varint length, the bytes.
struct ArticleCodec: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ body: [UInt8]) throws -> Bytes {
        guard !body.isEmpty else { return Bytes([]) }
        var out: [UInt8] = [0x0A]
        out.reserveCapacity(body.count + 6)
        Varint.append(UInt64(body.count), to: &out)
        out += body
        return Bytes(out)
    }

    func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> [UInt8] {
        try bytes.withUnsafeBytes { raw in
            guard !raw.isEmpty else { return [] }
            guard raw[0] == 0x0A else { throw RPCError(code: .invalidArgument, message: "not an Article") }
            var offset = 1
            let length = Int(try Varint.read(raw, &offset))
            guard offset + length <= raw.count else { throw RPCError(code: .invalidArgument, message: "truncated") }
            return Array(raw[offset..<offset + length])
        }
    }
}

/// `int32 label = 1`: tag 0x08, varint value (omitted when 0).
struct LabelCodec: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ label: Int32) throws -> Bytes {
        guard label != 0 else { return Bytes([]) }
        var out: [UInt8] = [0x08]
        Varint.append(UInt64(UInt32(bitPattern: label)), to: &out)
        return Bytes(out)
    }

    func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> Int32 {
        try bytes.withUnsafeBytes { raw in
            guard !raw.isEmpty else { return 0 }
            guard raw[0] == 0x08 else { throw RPCError(code: .invalidArgument, message: "not a Label") }
            var offset = 1
            return Int32(truncatingIfNeeded: try Varint.read(raw, &offset))
        }
    }
}

enum Varint {
    static func append(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    static func read(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while offset < raw.count, shift < 64 {
            let byte = raw[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw RPCError(code: .invalidArgument, message: "bad varint")
    }
}

/// The service: `Noop` answers at once, `Label` reads the body.
struct BenchService: RegistrableRPCService {
    static let noop = MethodDescriptor(fullyQualifiedService: "newshost.bench.Plugin", method: "Noop")
    static let label = MethodDescriptor(fullyQualifiedService: "newshost.bench.Plugin", method: "Label")

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(forMethod: Self.noop, deserializer: ArticleCodec(), serializer: LabelCodec()) { request, _ in
            _ = try await ServerRequest(stream: request)
            return StreamingServerResponse(single: ServerResponse(message: Int32(0)))
        }
        router.registerHandler(forMethod: Self.label, deserializer: ArticleCodec(), serializer: LabelCodec()) { request, _ in
            let single = try await ServerRequest(stream: request)
            return StreamingServerResponse(single: ServerResponse(message: pickLabel(single.message)))
        }
    }
}

/// Starts the server on an ephemeral loopback port, runs `body` with a
/// connected client, then shuts both down.
func withLoopbackGRPC(_ body: @Sendable (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Void) async throws {
    let server = GRPCServer(transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
                            services: [BenchService()])
    try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await server.serve() }
        guard let port = try await server.listeningAddress?.ipv4?.port else { fatalError("the gRPC server did not start") }
        try await withGRPCClient(transport: try .http2NIOPosix(target: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext)) { client in
            try await body(client)
        }
        server.beginGracefulShutdown()
    }
}

/// One unary call.
func call(_ client: GRPCClient<HTTP2ClientTransport.Posix>, _ method: MethodDescriptor, _ body: [UInt8]) async throws -> Int32 {
    try await client.unary(request: ClientRequest(message: body), descriptor: method, serializer: ArticleCodec(),
                           deserializer: LabelCodec(), options: .defaults) { try $0.message }
}
