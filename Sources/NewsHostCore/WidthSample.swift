/// Up to nine line widths kept in order, for the median width of the lines
/// around a line (the column it stands in), without allocating.
struct WidthSample {
    private var widths = InlineArray<9, Int>(repeating: 0)
    /// How many widths are kept.
    private(set) var count = 0

    /// An empty sample.
    init() {}

    /// A sample of the first nine of `widths`.
    init(_ widths: some Sequence<Int>) {
        for width in widths where count < self.widths.count { insert(width) }
    }

    /// Keeps `width` in order; beyond nine widths nothing more is kept.
    mutating func insert(_ width: Int) {
        guard count < widths.count else { return }
        var slot = count
        while slot > 0, widths[slot - 1] > width {
            widths[slot] = widths[slot - 1]
            slot -= 1
        }
        widths[slot] = width
        count += 1
    }

    /// The median (the upper one of an even count), or `nil` if empty.
    var median: Int? {
        count == 0 ? nil : widths[count / 2]
    }
}
