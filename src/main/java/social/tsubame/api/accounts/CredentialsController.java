package social.tsubame.api.accounts;

import java.io.IOException;
import java.util.List;

import org.jsoup.Jsoup;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import social.tsubame.account.UpdateLocalProfile;
import social.tsubame.api.model.AccountsToApiAccounts;
import social.tsubame.api.model.ApiAccount;
import social.tsubame.boot.Roles;
import social.tsubame.core.ApiException;
import social.tsubame.media.StoreProfileImage;
import social.tsubame.web.ApiParams;
import social.tsubame.web.auth.Caller;
import social.tsubame.web.auth.RequiresScope;

/** The signed-in user's own account: what they see of it, and their profile edits. */
@RestController
@Profile(Roles.WEB)
class CredentialsController {

    record FieldParams(String name, String value) {
    }

    record ProfileParams(String displayName, String note, Boolean locked, Boolean bot, Boolean discoverable,
                         Boolean indexable, List<FieldParams> fieldsAttributes) {
    }

    private final AccountsToApiAccounts toApiAccounts;
    private final UpdateLocalProfile updateLocalProfile;
    private final StoreProfileImage storeProfileImage;
    private final JdbcTemplate jdbc;

    CredentialsController(AccountsToApiAccounts toApiAccounts, UpdateLocalProfile updateLocalProfile,
                          StoreProfileImage storeProfileImage, JdbcTemplate jdbc) {
        this.toApiAccounts = toApiAccounts;
        this.updateLocalProfile = updateLocalProfile;
        this.storeProfileImage = storeProfileImage;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/accounts/verify_credentials")
    @RequiresScope({"read:accounts", "profile"})
    ApiAccount verifyCredentials(Caller caller) {
        ApiAccount account = toApiAccounts.one(caller.accountId()).orElseThrow(ApiException::notFound);
        int followRequests = jdbc.queryForObject("SELECT count(*) FROM follow_requests WHERE target_account_id = ?",
                Integer.class, caller.accountId());
        String role = jdbc.queryForObject("SELECT role FROM users WHERE id = ?", String.class, caller.userId());
        return account.withCredentials(
                new ApiAccount.Source(Jsoup.parse(account.note()).wholeText(), sourceFields(account), "public", false,
                        null, followRequests, false, account.discoverable(), account.indexable()),
                new ApiAccount.Role(role, role, "0", "", false));
    }

    /** The fields as the user typed them, for editing. */
    private static List<ApiAccount.Field> sourceFields(ApiAccount account) {
        return account.fields().stream()
                .map(field -> new ApiAccount.Field(field.name(), Jsoup.parse(field.value()).text(), null)).toList();
    }

    /** Pictures come as files in a multipart form; everything else as form fields or JSON. */
    @PatchMapping("/api/v1/accounts/update_credentials")
    @RequiresScope("write:accounts")
    ApiAccount updateCredentials(@ApiParams ProfileParams params,
                                 @RequestPart(name = "avatar", required = false) MultipartFile avatar,
                                 @RequestPart(name = "header", required = false) MultipartFile header,
                                 Caller caller) throws IOException {
        String avatarKey = avatar == null || avatar.isEmpty() ? null
                : storeProfileImage.store(avatar.getBytes(), StoreProfileImage.Kind.AVATAR);
        String headerKey = header == null || header.isEmpty() ? null
                : storeProfileImage.store(header.getBytes(), StoreProfileImage.Kind.HEADER);
        List<UpdateLocalProfile.Field> fields = params.fieldsAttributes() == null ? null
                : params.fieldsAttributes().stream()
                        .map(field -> new UpdateLocalProfile.Field(field.name(), field.value())).toList();
        updateLocalProfile.update(caller.accountId(), new UpdateLocalProfile.Changes(params.displayName(),
                params.note(), params.locked(), params.bot(), params.discoverable(), params.indexable(), avatarKey,
                headerKey, fields));
        return verifyCredentials(caller);
    }
}
