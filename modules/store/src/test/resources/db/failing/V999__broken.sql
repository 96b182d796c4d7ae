CREATE TABLE br_broken (id INT PRIMARY KEY);
INSERT INTO br_broken (id) VALUES (1);
INSERT INTO br_no_such_table (id) VALUES (1);
