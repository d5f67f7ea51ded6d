CREATE TABLE delta.parcel (id BIGINT PRIMARY KEY, weight BIGINT);
