import HTTPTypes
import Hummingbird

/// The login form: plain HTML without script or inline style (the CSP forbids both), in
/// Norwegian. Every value placed in it is escaped.
enum LoginPage {
    static func render(csrf: String, next: String?, username: String = "", error: String? = nil) -> String {
        let message = error.map { "\n    <p class=\"feil\" role=\"alert\">\(escape($0))</p>" } ?? ""
        let nextField = next.map { "\n      <input type=\"hidden\" name=\"next\" value=\"\(escape($0))\">" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="nb">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Logg inn – varselvakt</title>
              <link rel="stylesheet" href="/static/style.css">
            </head>
            <body>
              <main class="innlogging">
                <h1>Logg inn</h1>\(message)
                <form method="post" action="/login">
                  <input type="hidden" name="csrf" value="\(escape(csrf))">\(nextField)
                  <label for="username">Brukernavn</label>
                  <input id="username" name="username" autocomplete="username" required value="\(escape(username))">
                  <label for="password">Passord</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">Logg inn</button>
                </form>
              </main>
            </body>
            </html>

            """
    }

    /// HTML-escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
