package io.tierzero.identity;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tierzero totp [secret]}: the current code of a TOTP authenticator, by default the one enrolled for the demo
 * tenant's requesters. It stands in for the requester's authenticator app when trying the product.
 */
@Command(name = "totp", mixinStandardHelpOptions = true,
        description = "Prints the current 6-digit code of a TOTP authenticator (default: the demo requesters' one).")
public class TotpCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SECRET", description = "The authenticator's base32 secret")
    String secret = DemoAuthenticators.DEMO_SECRET;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TotpCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            System.out.println(SecondFactors.currentCode(secret, Instant.now()));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("tierzero totp: error: " + e.getMessage());
            return 2;
        }
    }
}
