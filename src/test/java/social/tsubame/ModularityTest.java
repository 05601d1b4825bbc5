package social.tsubame;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** Dependencies point one way: foundations know no feature, features know nothing of the roles that react to them. */
class ModularityTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("social.tsubame");

    @Test
    void coreAndQueueDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("social.tsubame.core..", "social.tsubame.queue..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "social.tsubame.account..", "social.tsubame.instance..", "social.tsubame.notification..",
                        "social.tsubame.moderation..", "social.tsubame.filter..", "social.tsubame.conversation..",
                        "social.tsubame.health..", "social.tsubame.portability..", "social.tsubame.federation..",
                        "social.tsubame.streaming..", "social.tsubame.admin..", "social.tsubame.web..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoFederationStreamingOrAdmin() {
        noClasses().that().resideInAnyPackage("social.tsubame.account..", "social.tsubame.instance..",
                        "social.tsubame.notification..", "social.tsubame.status..", "social.tsubame.media..",
                        "social.tsubame.moderation..", "social.tsubame.filter..", "social.tsubame.conversation..",
                        "social.tsubame.timeline..", "social.tsubame.portability..", "social.tsubame.oauth..",
                        "social.tsubame.web..", "social.tsubame.core..", "social.tsubame.queue..",
                        "social.tsubame.pages..", "social.tsubame.health..", "social.tsubame.backup..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "social.tsubame.federation..", "social.tsubame.streaming..", "social.tsubame.admin..")
                .check(classes);
    }

    /** The client API may ask federation to resolve a remote account or post, but reacts to nothing. */
    @Test
    void theClientApiDoesNotReachIntoStreamingOrAdmin() {
        noClasses().that().resideInAnyPackage("social.tsubame.api..")
                .should().dependOnClassesThat().resideInAnyPackage("social.tsubame.streaming..",
                        "social.tsubame.admin..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("social.tsubame.(*)..").should().beFreeOfCycles().check(classes);
    }
}
