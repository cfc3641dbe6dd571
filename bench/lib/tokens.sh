# Tokens for the write scenarios, shaped as `dotnet user-jwts create --scheme DevJwt` mints them (HS256, issuer
# dotnet-user-jwts, a `role` claim), signed with a key made for this run and given to the bench host on its command line
# (Authentication:Schemes:DevJwt:*). Development only, as the product's DevJwt scheme. Sourced by bench/run.sh.

dev_jwt_issuer=dotnet-user-jwts

# new_signing_key: sets dev_jwt_key (base64 of 32 random bytes, as user-jwts keeps it) and its hex form.
new_signing_key() {
  dev_jwt_key=$(openssl rand -base64 32)
  dev_jwt_hex=$(openssl base64 -d -A <<<"$dev_jwt_key" | od -An -v -tx1 | tr -d ' \n')
}

# The host's settings for the key (arguments of start_host).
dev_jwt_settings() {
  printf '%s\n' \
    --Authentication:Schemes:DevJwt:ValidIssuer "$dev_jwt_issuer" \
    --Authentication:Schemes:DevJwt:ValidAudiences:0 "$(dev_jwt_audience)" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Issuer "$dev_jwt_issuer" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Value "$dev_jwt_key" \
    --Authentication:Schemes:DevJwt:SigningKeys:0:Length 32
}

dev_jwt_audience() { echo "http://127.0.0.1:$PORT"; }

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token NAME ROLE [CLAIMS_JSON]: prints a token valid for 12 hours.
mint_token() {
  local name="$1" role="$2" claims="${3:-{\}}" now header payload signature
  now=$(date +%s)
  header=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | base64url)
  payload=$(jq -nc --arg name "$name" --arg role "$role" --arg iss "$dev_jwt_issuer" --arg aud "$(dev_jwt_audience)" \
    --argjson now "$now" --arg jti "$(openssl rand -hex 16)" --argjson claims "$claims" \
    '{unique_name: $name, sub: $name, jti: $jti, role: $role, iss: $iss, aud: $aud, nbf: $now, iat: $now, exp: ($now + 43200)} + $claims' \
    | base64url)
  signature=$(printf '%s' "$header.$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$dev_jwt_hex" -binary | base64url)
  echo "$header.$payload.$signature"
}
