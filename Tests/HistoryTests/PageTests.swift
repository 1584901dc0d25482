import Testing

@testable import History

@Suite struct PageTests {
    @Test func aRequestedPageSizeIsClampedToOneThroughTheMaximum() {
        #expect(PageSize.clamp(nil) == PageSize.default)
        #expect(PageSize.clamp(0) == 1)
        #expect(PageSize.clamp(10_000) == PageSize.maximum)
    }
}
