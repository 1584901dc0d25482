/// A request parameter the web cannot use: names the parameter and says what is wrong with it,
/// so the API answers 400 with both and a page can say it in words.
struct ParameterError: Error, Sendable, Equatable {
    var parameter: String
    var problem: String

    init(_ parameter: String, _ problem: String) {
        self.parameter = parameter
        self.problem = problem
    }
}
