import Testing
import UTF8Assembly

@Suite struct UTF8BuilderTests {
    /// `你好，world` is 3 + 3 + 3 + 5 bytes.
    let source = "你好，world"

    @Test func slicesAndScalarsMakeTheString() {
        var builder = UTF8Builder(slicing: source)
        #expect(builder.isEmpty)
        builder.append(3..<9)
        builder.append(" ")
        builder.append("é")
        builder.append(9..<14)
        builder.append(0..<0)
        #expect(builder.string == "好， éworld")
        builder.removeAll()
        #expect(builder.isEmpty)
        builder.append(0..<3)
        #expect(builder.string == "你")
    }

    @Test func aSliceThatSplitsAScalarTraps() async {
        await #expect(processExitsWith: .failure) {
            var builder = UTF8Builder(slicing: "你好")
            builder.append(1..<3)
        }
        await #expect(processExitsWith: .failure) {
            var builder = UTF8Builder(slicing: "你好")
            builder.append(0..<4)
        }
        await #expect(processExitsWith: .failure) {
            var builder = UTF8Builder(slicing: "你好")
            builder.append(3..<7)
        }
    }
}
