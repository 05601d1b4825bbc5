package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.federation.BlockDomain;
import social.tsubame.federation.DomainBlock;
import social.tsubame.federation.DomainBlocks;
import social.tsubame.federation.UnblockDomain;

@Command(name = "domain-blocks", mixinStandardHelpOptions = true,
        description = "Limit or suspend remote servers (and their subdomains): list, add and remove blocks. Running "
                + "servers act on a change within 30 seconds.",
        subcommands = {DomainBlocksCommand.ListAll.class, DomainBlocksCommand.Add.class,
                DomainBlocksCommand.Remove.class})
final class DomainBlocksCommand {

    static void header(PrintWriter out) {
        out.printf("%-32s %-8s %-13s %s%n", "DOMAIN", "SEVERITY", "ALSO REJECTS", "PUBLIC COMMENT");
    }

    static void print(PrintWriter out, DomainBlock block) {
        String rejects = (block.rejectMedia() ? "media " : "") + (block.rejectReports() ? "reports" : "");
        out.printf("%-32s %-8s %-13s %s%n", block.domain(), block.severity().apiValue(),
                rejects.isBlank() ? "-" : rejects.strip(), block.publicComment() == null ? "" : block.publicComment());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The blocked servers")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Autowired
        DomainBlocks blocks;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            header(out);
            blocks.all().forEach(block -> print(out, block));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Block a server: silence keeps its accounts out of public timelines and lets them notify "
                    + "only their followers; suspend refuses it and removes its follows both ways")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the remote server's domain, e.g. spam.example")
        String domain;

        @Option(names = "--severity", defaultValue = "silence", description = "silence, suspend or noop (only the "
                + "--reject-* flags); default: ${DEFAULT-VALUE}")
        String severity;

        @Option(names = "--reject-media", description = "take in none of its media, avatars and emoji")
        boolean rejectMedia;

        @Option(names = "--reject-reports", description = "drop the reports it sends")
        boolean rejectReports;

        @Option(names = "--public-comment", description = "the reason the public list gives")
        String publicComment;

        @Option(names = "--private-comment", description = "a note for the other moderators")
        String privateComment;

        @Option(names = "--obfuscate", description = "mask the domain in the public list")
        boolean obfuscate;

        @Autowired
        BlockDomain blockDomain;

        @Override
        public Integer call() {
            try {
                DomainBlock block = blockDomain.block(null, new BlockDomain.Command(domain,
                        DomainBlock.Severity.parse(severity), rejectMedia, rejectReports, privateComment,
                        publicComment, obfuscate));
                print(spec.commandLine().getOut(), block);
                return 0;
            } catch (IllegalArgumentException | BlockDomain.AlreadyBlocked e) {
                spec.commandLine().getErr().println("Cannot block " + domain + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Lift a block; accounts its suspension suspended come back, their follows do not")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the blocked domain")
        String domain;

        @Autowired
        DomainBlocks blocks;

        @Autowired
        UnblockDomain unblockDomain;

        @Override
        public Integer call() {
            try {
                var block = blocks.findByDomain(domain);
                if (block.isEmpty() || !unblockDomain.unblock(null, block.get().id())) {
                    spec.commandLine().getErr().println("No block of " + domain);
                    return 1;
                }
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("Unblocked " + domain);
            return 0;
        }
    }
}
