# LuoshiArchive in a container: the store lives in the /data volume. Not built on the development machines (no Docker
# engine there): test it on yours before relying on it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/LuoshiArchive.Web -c Release -o /app/web && dotnet publish src/LuoshiArchive.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim \
    poppler-utils fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
VOLUME /data
EXPOSE 8080
ENV ASPNETCORE_ENVIRONMENT=Production
ENTRYPOINT ["/app/web/LuoshiArchive.Web", "--storage", "/data", "--urls", "http://0.0.0.0:8080"]
