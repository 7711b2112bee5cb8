module unkey-errors.test/exports

go 1.19
