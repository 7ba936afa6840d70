package io.retort.processor.it;

import io.retort.orm.annotation.Entity;
import io.retort.orm.annotation.Id;
import io.retort.type.Json;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An entity with an application-assigned key and the less common types; the table name is derived ({@code label}). */
@Entity
public class Label {
    @Id(generation = Id.Generation.NONE)
    private UUID id;
    private Json meta;
    private byte[] icon;
    private OffsetDateTime createdAt;
    private Double weight;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public Json getMeta() { return meta; }
    public void setMeta(Json meta) { this.meta = meta; }
    public byte[] getIcon() { return icon; }
    public void setIcon(byte[] icon) { this.icon = icon; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(OffsetDateTime createdAt) { this.createdAt = createdAt; }
    public Double getWeight() { return weight; }
    public void setWeight(Double weight) { this.weight = weight; }
}
