package io.retort.examples.web;

import java.util.List;

/**
 * Starts the example web service: a JSON API over users and their addresses on Reactor Netty, on embedded H2 by
 * default. See the README's "Example: a reactive web service" for the endpoints and curl calls.
 *
 * <pre>
 * mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=io.retort.examples.web.WebServiceMain \
 *     -Dexec.args="--url postgresql://postgres@127.0.0.1:5432/test --port 8080"
 * </pre>
 */
public final class WebServiceMain {
    private WebServiceMain() {
    }

    /**
     * @param args options, see {@link WebServiceOptions#USAGE}
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(WebServiceOptions.USAGE);
            return;
        }
        WebServiceOptions options;
        try {
            options = WebServiceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(WebServiceOptions.USAGE);
            System.exit(2);
            return;
        }
        WebService service = WebService.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "web-service-shutdown"));
        System.out.println("Serving " + service.users().describe());
        System.out.println("on http://" + options.host() + ":" + service.port()
                + "/users  (Ctrl+C stops it; try: curl -s http://" + options.host() + ":" + service.port() + "/users?limit=2)");
        service.server().onDispose().block();
    }
}
