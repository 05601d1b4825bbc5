package social.tsubame.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import social.tsubame.account.Account;
import social.tsubame.account.Accounts;
import social.tsubame.core.ApiException;
import social.tsubame.moderation.AddReportNote;
import social.tsubame.moderation.ReopenReport;
import social.tsubame.moderation.Report;
import social.tsubame.moderation.ReportNote;
import social.tsubame.moderation.ReportNotes;
import social.tsubame.moderation.Reports;
import social.tsubame.moderation.ResolveReport;

/** Reports from the command line; what the operator does is in the audit log with no moderator named. */
@Command(name = "reports", mixinStandardHelpOptions = true,
        description = "Reports about accounts: list, show, resolve, reopen and note them",
        subcommands = {ReportsCommand.ListAll.class, ReportsCommand.Show.class, ReportsCommand.Resolve.class,
                ReportsCommand.Reopen.class, ReportsCommand.Note.class})
final class ReportsCommand {

    private static final int LISTED = 100;

    private ReportsCommand() {
    }

    /** A mistyped id is told in one line, as other mistyped input is. */
    private static long reportId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a report id: " + value);
        }
    }

    private static String acct(Accounts accounts, Long id) {
        return id == null ? "-" : accounts.findById(id).map(Account::acct).orElse("(deleted)");
    }

    private static String state(Report report) {
        return report.resolved() ? "resolved" : "open";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the newest open reports")
    static final class ListAll implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--resolved", description = "resolved reports instead of open ones")
        boolean resolved;

        @Autowired
        Reports reports;

        @Autowired
        Accounts accounts;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-20s %-9s %-10s %-30s %s%n", "ID", "STATE", "CATEGORY", "TARGET", "REPORTER");
            for (Report report : reports.newest(resolved, null, LISTED)) {
                out.printf("%-20s %-9s %-10s %-30s %s%n", report.id(), state(report), report.category(),
                        acct(accounts, report.targetAccountId()), acct(accounts, report.accountId()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a report and its notes")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the report's id, from reports list")
        String id;

        @Autowired
        Reports reports;

        @Autowired
        ReportNotes notes;

        @Autowired
        Accounts accounts;

        @Override
        public Integer call() {
            Report report = reports.findById(reportId(id)).orElse(null);
            if (report == null) {
                spec.commandLine().getErr().println("No report with id " + id);
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Report %d (%s, %s)%n", report.id(), state(report), report.category());
            out.println("Target:    " + acct(accounts, report.targetAccountId()));
            out.println("Reporter:  " + acct(accounts, report.accountId()));
            out.println("Created:   " + report.createdAt());
            out.println("Assigned:  " + acct(accounts, report.assignedAccountId()));
            out.println("Forwarded: " + (report.forwarded() ? "yes" : "no"));
            out.println("Statuses:  " + report.statusIds());
            out.println("Rules:     " + report.ruleIds());
            out.println("Comment:   " + report.comment());
            for (ReportNote note : notes.of(report.id())) {
                out.printf("Note by %s at %s: %s%n", note.accountId() == null ? "the command line"
                        : acct(accounts, note.accountId()), note.createdAt(), note.content());
            }
            return 0;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "Mark a report resolved")
    static final class Resolve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the report's id, from reports list")
        String id;

        @Autowired
        ResolveReport resolve;

        @Override
        public Integer call() {
            try {
                resolve.resolve(reportId(id), null);
            } catch (ApiException e) {
                spec.commandLine().getErr().println("No report with id " + id);
                return 1;
            }
            spec.commandLine().getOut().println("Resolved report " + id);
            return 0;
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Open a resolved report again")
    static final class Reopen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the report's id, from reports list")
        String id;

        @Autowired
        ReopenReport reopen;

        @Override
        public Integer call() {
            try {
                reopen.reopen(reportId(id), null);
            } catch (ApiException e) {
                spec.commandLine().getErr().println("No report with id " + id);
                return 1;
            }
            spec.commandLine().getOut().println("Reopened report " + id);
            return 0;
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Write a note on a report")
    static final class Note implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", description = "the report's id, from reports list")
        String id;

        @Parameters(index = "1", description = "the note, up to " + AddReportNote.MAX_LENGTH + " characters")
        String text;

        @Autowired
        AddReportNote addNote;

        @Override
        public Integer call() {
            try {
                addNote.add(reportId(id), null, text);
            } catch (ApiException e) {
                spec.commandLine().getErr().println("Cannot add the note: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("Added a note to report " + id);
            return 0;
        }
    }
}
