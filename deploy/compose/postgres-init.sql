-- One read-model database per agency on the shared PostgreSQL of the compose project.
CREATE DATABASE xb_vn;
CREATE DATABASE xb_cn;
