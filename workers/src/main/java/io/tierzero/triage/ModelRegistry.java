package io.tierzero.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.audit.Actor;
import io.tierzero.audit.AuditEntry;
import io.tierzero.audit.AuditTrail;
import io.tierzero.knowledge.retrieval.TextEmbedder;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.TriageModel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trained triage models and which one is active. The model itself is stored (a zip of its folder), so every
 * app replica loads the active model from the database. One model is active at most, for every tenant; each
 * activation is recorded in every tenant's audit trail, because it changes how their tickets are triaged.
 */
@Service
public class ModelRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = """
            version, created_at, trained_at, training_data_sha256, label_column, metrics::text as metrics,
            artifact_sha256, active, activated_at, activated_by""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail auditTrail;
    private final TenantRepository tenants;
    private final Clock clock;

    public ModelRegistry(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail auditTrail,
            TenantRepository tenants, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.auditTrail = auditTrail;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Stores the model of a folder written by {@code tierzero train}. Registering the same folder again changes
     * nothing and returns the model registered first.
     */
    public RegisteredModel register(Path modelDir) {
        TriageModel.Metadata metadata = TriageModel.readMetadata(modelDir);
        byte[] artifact = ModelArchive.zip(modelDir);
        String digest = sha256(artifact);
        Optional<RegisteredModel> existing = jdbc.sql("select " + COLUMNS + " from triage_models where artifact_sha256 = ?")
                .param(digest).query(this::registeredModel).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Instant trainedAt = parseInstant(metadata.createdAt());
        String version = VERSION_TIME.format(trainedAt != null ? trainedAt : now) + "-" + digest.substring(0, 12);
        jdbc.sql("""
                        insert into triage_models (version, created_at, trained_at, training_data_sha256, label_column,
                            metrics, artifact, artifact_sha256)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict do nothing""")
                .params(version, Timestamp.from(now), trainedAt == null ? null : Timestamp.from(trainedAt),
                        metadata.trainingDataSha256(), metadata.labelColumn(), toJson(metadata.metrics()), artifact,
                        digest)
                .update();
        return find(version).orElseThrow();
    }

    /** Makes {@code version} the active model; activating the active model again changes nothing. */
    public RegisteredModel activate(String version, Actor actor) {
        return transaction.execute(status -> {
            // activations one at a time: the one-active index would otherwise fail the second of two racing ones
            jdbc.sql("select pg_advisory_xact_lock(hashtext('triage_models.activate'))").query().singleRow();
            RegisteredModel model = find(version).orElseThrow(() -> new UnknownModelVersionException(version));
            if (model.active()) {
                return model;
            }
            String previous = activeVersion().orElse(null);
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("update triage_models set active = false where active").update();
            jdbc.sql("update triage_models set active = true, activated_at = ?, activated_by = ? where version = ?")
                    .params(Timestamp.from(now), actor.id(), version).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("version", version);
            payload.put("previousVersion", previous);
            payload.put("trainingDataSha256", model.trainingDataSha256());
            payload.put("labelColumn", model.labelColumn());
            for (String tenantId : tenants.ids()) {
                auditTrail.append(new AuditEntry(tenantId, null, "model.activated", null, null, actor,
                        "Triage model " + version + " activated" + (previous == null ? "" : ", replacing " + previous),
                        null, null, "model.activated/" + version + "/" + now, payload));
            }
            return find(version).orElseThrow();
        });
    }

    public List<RegisteredModel> list() {
        return jdbc.sql("select " + COLUMNS + " from triage_models order by created_at desc, version desc")
                .query(this::registeredModel).list();
    }

    public Optional<RegisteredModel> active() {
        return jdbc.sql("select " + COLUMNS + " from triage_models where active").query(this::registeredModel).optional();
    }

    public Optional<String> activeVersion() {
        return jdbc.sql("select version from triage_models where active").query(String.class).optional();
    }

    private Optional<RegisteredModel> find(String version) {
        return jdbc.sql("select " + COLUMNS + " from triage_models where version = ?")
                .param(version).query(this::registeredModel).optional();
    }

    /** Loads a registered model from its stored artifact, with the embedding model its runbook head was trained with. */
    public TriageModel load(String version, TextEmbedder embedder) {
        byte[] artifact = jdbc.sql("select artifact from triage_models where version = ?").param(version)
                .query(byte[].class).optional().orElseThrow(() -> new UnknownModelVersionException(version));
        Path dir = ModelArchive.unzip(artifact);
        try {
            return TriageModel.load(dir, embedder);
        } catch (InvalidDataException e) {
            throw new InvalidDataException("registered model " + version + " cannot be loaded: " + e.getMessage(), e);
        } finally {
            ModelArchive.delete(dir);
        }
    }

    private RegisteredModel registeredModel(ResultSet rs, int row) throws SQLException {
        return new RegisteredModel(rs.getString("version"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("trained_at")), rs.getString("training_data_sha256"),
                rs.getString("label_column"), fromJson(rs.getString("metrics")), rs.getString("artifact_sha256"),
                rs.getBoolean("active"), instant(rs.getTimestamp("activated_at")), rs.getString("activated_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant parseInstant(String text) {
        try {
            return text == null ? null : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String toJson(Map<String, Object> metrics) {
        try {
            return JSON.writeValueAsString(metrics == null ? Map.of() : metrics);
        } catch (JsonProcessingException e) {
            throw new InvalidDataException("the model's metrics are not serialisable: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored model metrics are not JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
