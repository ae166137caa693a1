package io.wordstream.console.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which origins --http-allow-origin lets in, written as browsers write them. */
class CorsPolicyTest {
    @Test
    void aListedOriginIsAllowedAsTheBrowserWritesItAndNoOtherIs() {
        CorsPolicy p = CorsPolicy.of(List.of("http://127.0.0.1:3000/", "HTTPS://Example.ORG:443"));
        assertTrue(p.allows("http://127.0.0.1:3000"), "the slash an address bar shows is no path");
        assertTrue(p.allows("https://example.org"), "the default port is not written by browsers");
        assertFalse(p.allows("http://127.0.0.1:3001"));
        assertFalse(p.allows("https://127.0.0.1:3000"), "another scheme is another origin");
        assertFalse(p.allows("http://localhost:3000"), "another host name is another origin");
        assertFalse(p.allows("null"), "sandboxed and file pages send null: never allowed");
        assertFalse(p.allows(null));
        assertEquals(List.of("http://127.0.0.1:3000", "https://example.org"), p.describe());
    }

    @Test
    void anyOriginOnlyWhenWrittenOut() {
        assertSame(CorsPolicy.NONE, CorsPolicy.of(List.of()));
        assertFalse(CorsPolicy.NONE.allows("http://127.0.0.1:3000"));
        CorsPolicy any = CorsPolicy.of(List.of("*"));
        assertTrue(any.allows("http://anything.example:8080"));
        assertFalse(any.allows("null"));
        assertEquals(List.of("*"), any.describe());
    }

    @Test
    void whatIsNoOriginIsRefusedInOneLineSayingWhatOneLooksLike() {
        for (String bad : new String[] {"127.0.0.1:3000", "http://h/app", "ftp://h",
            "http://", "http://h?x=1", "http://user@h", "*.example.org", "null"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorsPolicy.of(
                    List.of(bad)), bad);
            assertEquals("--http-allow-origin takes an origin such as http://127.0.0.1:5173 (scheme, host and port as"
                    + " the browser's address bar shows them, no path), or * for any; got '" + bad + "'",
                    e.getMessage());
        }
    }

    @Test
    void theGatewaysOwnPageIsTheOriginWhoseAuthorityIsTheHostAsked() {
        assertTrue(CorsPolicy.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(CorsPolicy.sameOrigin("https://gw.example.org", "GW.example.org"));
        assertFalse(CorsPolicy.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080"));
        assertFalse(CorsPolicy.sameOrigin("http://127.0.0.1:8080", null));
    }
}
