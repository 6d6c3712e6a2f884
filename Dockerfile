# LuoshiArchive in a container: the store lives in the /data volume. Not built on the development machines (no Docker
# engine there): test it on yours before relying on it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/LuoshiArchive.Web -c Release -o /app/web && dotnet publish src/LuoshiArchive.Cli -c Release -o /app/cli

# The Fandol faces (仿宋, 宋/小标宋, 黑, 楷) come with texlive-lang-chinese; only the fonts are kept (docs/deployment.md).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS fonts
RUN apt-get update && apt-get install -y --no-install-recommends texlive-lang-chinese && rm -rf /var/lib/apt/lists/*

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim \
    poppler-utils fonts-noto-cjk fontconfig && rm -rf /var/lib/apt/lists/*
COPY --from=fonts /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
COPY deploy/fontconfig/65-luoshi-gbt9704.conf /etc/fonts/conf.d/65-luoshi-gbt9704.conf
RUN fc-cache -f
COPY --from=build /app /app
VOLUME /data
EXPOSE 8080
ENV ASPNETCORE_ENVIRONMENT=Production
ENTRYPOINT ["/app/web/LuoshiArchive.Web", "--storage", "/data", "--urls", "http://0.0.0.0:8080"]
