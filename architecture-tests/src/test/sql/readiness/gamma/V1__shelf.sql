CREATE TABLE gamma.shelf (id BIGINT PRIMARY KEY,
    parcel_id BIGINT REFERENCES delta.parcel (id));
