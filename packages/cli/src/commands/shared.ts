// Help lines more than one command shares.

export const PLATFORM =
  "vpc (default) or classic; always sent, except in the finance and government\nzones, which have one platform each and take none (leave it out there)";

export const DRY_RUN_NCF =
  "check everything (names, --platform, flags, credentials found) and print the\nrequests it would send; nothing is sent";
